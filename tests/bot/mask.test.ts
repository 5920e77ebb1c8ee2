import assert from 'node:assert/strict';
import { LOGGED_PASTE_CHARS, maskSensitive, pasteForLog } from '../../src/bot/mask';

describe('masking pastes before they are logged', () => {
  const cases: [string, string][] = [
    ['mail to alice.smith@contoso.com failed', 'mail to <email> failed'],
    ['Mailbox {0F8FAD5B-D9CB-469F-A165-70867728950E} and 0f8fad5b-d9cb-469f-a165-70867728950e', 'Mailbox <guid> and <guid>'],
    ['connect password=Sommer2024! user=admin', 'connect password=<secret> user=admin'],
    ['pwd: "hunter 2"; next', 'pwd: <secret>; next'],
    ['Authorization: Bearer abcdefgh12345678.xyz', 'Authorization: Bearer <secret>'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc_DEF-123', 'token <token>'],
    ['DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc+/def==;EndpointSuffix=core', 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=<secret>;EndpointSuffix=core'],
    ["$pw = ConvertTo-SecureString 'P@ss' -AsPlainText -Force", '$pw = ConvertTo-SecureString <secret> -AsPlainText -Force'],
    ["New-Thing -Password 'P@ss' -Name x", 'New-Thing -Password <secret> -Name x'],
    ['https://svc:s3cr3t@mail.contoso.com/ews', 'https://<secret>@mail.contoso.com/ews'],
    ['client_secret=abc123&scope=x', 'client_secret=<secret>&scope=x'],
  ];
  for (const [input, expected] of cases) {
    it(`masks ${JSON.stringify(input)}`, () => assert.equal(maskSensitive(input), expected));
  }

  it('keeps error texts and cmdlets as they are', () => {
    const text = "Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace contoso.com -Enabled $True";
    assert.equal(maskSensitive(text), text);
  });

  it('cuts long pastes for the log and marks the cut', () => {
    const long = `${'x'.repeat(LOGGED_PASTE_CHARS * 3)}\npassword=abc`;
    const logged = pasteForLog(long);
    assert.equal(logged.length, LOGGED_PASTE_CHARS + 1);
    assert.ok(logged.endsWith('…'));
  });
});
