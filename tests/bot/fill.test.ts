/** Answers fill placeholders from the paste or the conversation, say where the value came from, and never guess. */
import assert from 'node:assert/strict';
import { allText, checkCard, findAll } from './support/cards';
import { cardOf, createHarness, FEDERATION_COMMAND, type Harness } from './support/harness';

let h: Harness;
const ERROR_EN =
  'An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."';

async function federationCommand(text: string): Promise<{ code: unknown; text: string }> {
  const [reply] = await h.turn(text);
  const card = cardOf(reply)!;
  assert.deepEqual(checkCard(card).problems, []);
  const block = findAll(card, (o) => o.type === 'CodeBlock').find((b) =>
    String(b.codeSnippet).startsWith('Set-FederatedOrganizationIdentifier'),
  );
  return { code: block?.codeSnippet, text: allText(card) };
}

describe('PasteFixBot: placeholders filled from the paste', () => {
  afterEach(() => h?.cleanup());

  it('a domain shown in an earlier message of the conversation fills a later answer, and says so', async () => {
    h = createHarness({ locale: 'en-US' });
    await h.turn(
      'PS C:\\> Get-FederationInformation -DomainName fabrikam.com\nFederation information could not be received from the external organization.',
    );
    const { code, text } = await federationCommand(ERROR_EN);
    assert.equal(code, FEDERATION_COMMAND.replace('<account namespace>', 'fabrikam.com'));
    assert.ok(text.includes('<account namespace>\n = \nfabrikam.com\n – The domain used as the account namespace'), text);
    assert.ok(text.includes('(taken from Get-FederationInformation -DomainName in an earlier message)'));
    // `show` uses it too.
    const [shown] = await h.turn('show exo-legacy-tls-hybrid');
    assert.ok(
      findAll(cardOf(shown), (o) => o.type === 'CodeBlock').some(
        (b) => b.codeSnippet === FEDERATION_COMMAND.replace('<account namespace>', 'fabrikam.com'),
      ),
    );
  });

  it('the paste wins over the conversation', async () => {
    h = createHarness({ locale: 'en-US' });
    await h.turn('Get-FederationInformation -DomainName fabrikam.com');
    const { code, text } = await federationCommand(
      `Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace contoso.com -Enabled $true\n${ERROR_EN}`,
    );
    assert.equal(code, FEDERATION_COMMAND.replace('<account namespace>', 'contoso.com'));
    assert.ok(text.includes('(taken from Set-FederatedOrganizationIdentifier -AccountNamespace in your paste)'));
  });

  it('without a value in the paste or conversation, or with two different ones, the placeholder stays to be replaced', async () => {
    h = createHarness({ locale: 'en-US' });
    let answer = await federationCommand(ERROR_EN);
    assert.equal(answer.code, FEDERATION_COMMAND);
    assert.ok(answer.text.includes('Replace before running:\n<account namespace>\n – The domain used'));
    assert.ok(!answer.text.includes('Filled in from your paste'));
    answer = await federationCommand(
      `Set-FederatedOrganizationIdentifier -AccountNamespace contoso.com\nGet-FederationInformation -DomainName fabrikam.com\n${ERROR_EN}`,
    );
    assert.equal(answer.code, FEDERATION_COMMAND);
  });
});
