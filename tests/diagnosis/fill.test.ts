/** Placeholder values read from a paste: only what it shows, only when unambiguous, only when well-formed. */
import assert from 'node:assert/strict';
import { sourceFor, valuesInPaste } from '../../src/diagnosis/fill';

const values = (text: string) => Object.fromEntries(valuesInPaste(text));

describe('diagnosis: placeholder values in a paste', () => {
  it('the federation domain from Set-FederatedOrganizationIdentifier and Get-FederationInformation, quoted or not', () => {
    assert.deepEqual(
      values(
        "[PS] C:\\>Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace contoso.com -Enabled $true",
      ),
      {
        domain: { value: 'contoso.com', from: 'Set-FederatedOrganizationIdentifier -AccountNamespace' },
      },
    );
    assert.deepEqual(
      values("Get-FederationInformation -DomainName 'fabrikam.co.uk' -BypassAdditionalDomainValidation:$true -Verbose").domain,
      {
        value: 'fabrikam.co.uk',
        from: 'Get-FederationInformation -DomainName',
      },
    );
    assert.equal(values('PS C:\\> get-federationinformation -domainname:tailspintoys.com').domain?.value, 'tailspintoys.com');
  });

  it('a server name from an error record ([Server=…]) or -Server', () => {
    const record =
      '    + FullyQualifiedErrorId : [Server=EX16-MBX01,RequestId=7c1e0b2a-93d4-4f0e-8a61-2b7d5e9f4c10,TimeStamp=3/2/2026 8:14:22 AM] [FailureCategory=Cmdlet-ProvisioningException] 9A3C1F07';
    assert.deepEqual(values(record).server, { value: 'EX16-MBX01', from: '[Server=…]' });
    assert.deepEqual(values('Get-ExchangeCertificate -Server ex01.contoso.local').server, { value: 'ex01.contoso.local', from: '-Server' });
  });

  it('never guesses: nothing for placeholders, variables, malformed values, or two different values', () => {
    assert.deepEqual(values('Set-FederatedOrganizationIdentifier -AccountNamespace <account namespace> -Enabled $true'), {});
    assert.deepEqual(values('Set-FederatedOrganizationIdentifier -AccountNamespace $domain'), {});
    assert.deepEqual(values('Set-FederatedOrganizationIdentifier -AccountNamespace contoso'), {}, 'no dot: not a domain');
    assert.deepEqual(values('The domain contoso.com could not be verified.'), {}, 'a domain in prose is no parameter');
    assert.deepEqual(
      values('Set-FederatedOrganizationIdentifier -AccountNamespace contoso.com\nGet-FederationInformation -DomainName fabrikam.com'),
      {},
      'two different domains: which one is meant is unknown',
    );
    assert.equal(
      values('Set-FederatedOrganizationIdentifier -AccountNamespace Contoso.com\nGet-FederationInformation -DomainName contoso.com').domain
        ?.value,
      'Contoso.com',
      'the same domain twice',
    );
  });

  it('knows which placeholder names it can fill', () => {
    assert.equal(sourceFor('account namespace')?.kind, 'domain');
    assert.equal(sourceFor('ServerName')?.kind, 'server');
    assert.equal(sourceFor('service name'), undefined);
  });
});
