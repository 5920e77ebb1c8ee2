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
    [
      'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc+/def==;EndpointSuffix=core',
      'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=<secret>;EndpointSuffix=core',
    ],
    ["$pw = ConvertTo-SecureString 'P@ss' -AsPlainText -Force", '$pw = ConvertTo-SecureString <secret> -AsPlainText -Force'],
    ["New-Thing -Password 'P@ss' -Name x", 'New-Thing -Password <secret> -Name x'],
    ['https://svc:s3cr3t@mail.contoso.com/ews', 'https://<secret>@mail.contoso.com/ews'],
    ['client_secret=abc123&scope=x', 'client_secret=<secret>&scope=x'],
    // JSON, also with an escaped quote inside the value and a space before the colon.
    ['{"user": "admin", "password": "P@ss w0rd", "x": 1}', '{"user": "admin", "password": <secret>, "x": 1}'],
    ['{"Password" : "a\\"b", "client_secret":"s3"}', '{"Password" : <secret>, "client_secret":<secret>}'],
    // German keys, and passwords whose key is a longer name.
    ['Passwort: Sommer2024! und Kennwort=Winter2025', 'Passwort: <secret> und Kennwort=<secret>'],
    ['NeuesKennwort: geheim', 'NeuesKennwort: <secret>'],
    ["$AdminPassword = 'P@ss'", '$AdminPassword = <secret>'],
    // PowerShell credentials built from a user name and a password.
    [
      "New-Object System.Management.Automation.PSCredential -ArgumentList 'admin','P@ss'",
      "New-Object System.Management.Automation.PSCredential -ArgumentList 'admin',<secret>",
    ],
    [
      'New-Object PSCredential -ArgumentList ("CONTOSO\\admin", "P@ss") -ErrorAction Stop',
      'New-Object PSCredential -ArgumentList ("CONTOSO\\admin", <secret>) -ErrorAction Stop',
    ],
    // PEM private keys, whole or cut off by the paste.
    [
      'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx+k/0a\nbase64==\n-----END RSA PRIVATE KEY-----\nnext line',
      'key:\n<private key>\nnext line',
    ],
    ['-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC', '<private key>'],
    [
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,AB12\n\nMIIE+x/y\n-----END ENCRYPTED PRIVATE KEY-----',
      '<private key>',
    ],
    // GUIDs written without dashes (32 hex digits), but not longer hex such as a certificate thumbprint.
    ['tenant 0f8fad5bd9cb469fa16570867728950e found', 'tenant <guid> found'],
    ['Thumbprint 0F8FAD5BD9CB469FA16570867728950E12345678', 'Thumbprint 0F8FAD5BD9CB469FA16570867728950E12345678'],
    // Both forms side by side, and hex runs that are neither (too short, or part of a longer word).
    [
      'ids 0f8fad5bd9cb469fa16570867728950e-0f8fad5b-d9cb-469f-a165-70867728950e,0f8fad5b-d9cb-469f-a165-70867728950e1 deadbeef-d9cb',
      'ids <guid>-<guid>,0f8fad5b-d9cb-469f-a165-70867728950e1 deadbeef-d9cb',
    ],
    // In any casing: a rule is skipped only when the paste lacks its words in every casing.
    ['PASSWORD=Sommer2024! USER=ADMIN', 'PASSWORD=<secret> USER=ADMIN'],
    ['AUTHORIZATION: BEARER ABCDEFGH12345678', 'AUTHORIZATION: BEARER <secret>'],
    ['HTTPS://SVC:S3CR3T@MAIL.CONTOSO.COM/EWS', 'HTTPS://<secret>@MAIL.CONTOSO.COM/EWS'],
    ["$pw = CONVERTTO-SECURESTRING 'P@ss' -ASPLAINTEXT", '$pw = CONVERTTO-SECURESTRING <secret> -ASPLAINTEXT'],
    ["PSCredential -ARGUMENTLIST 'admin','P@ss'", "PSCredential -ARGUMENTLIST 'admin',<secret>"],
    ['MAIL TO ALICE.SMITH@CONTOSO.COM', 'MAIL TO <email>'],
    ['-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg', '<private key>'],
  ];
  for (const [input, expected] of cases) {
    it(`masks ${JSON.stringify(input)}`, () => assert.equal(maskSensitive(input), expected));
  }

  it('keeps error texts and cmdlets as they are', () => {
    const text =
      "Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace contoso.com -Enabled $True";
    assert.equal(maskSensitive(text), text);
    for (const prose of ['Das Kennwort für das Konto ist abgelaufen.', 'The password does not meet the password policy requirements.']) {
      assert.equal(maskSensitive(prose), prose);
    }
  });

  it('cuts long pastes for the log and marks the cut', () => {
    const long = `${'x'.repeat(LOGGED_PASTE_CHARS * 3)}\npassword=abc`;
    const logged = pasteForLog(long);
    assert.equal(logged.length, LOGGED_PASTE_CHARS + 1);
    assert.ok(logged.endsWith('…'));
  });
});
