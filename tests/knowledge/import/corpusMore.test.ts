/**
 * Real knowledge loads whole: the 568 articles of ../shared/corpus-more (Exchange Online and Exchange
 * Server, Microsoft support-docs Markdown) load through the knowledge loader as the service loads them,
 * every one of them, and the `kb` commands use them all.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeCommand } from '../../../src/knowledge/import/text';
import { formatProblem, loadKnowledge } from '../../../src/knowledge/load';
import { requireShared } from '../../helpers/prerequisites';

/** The article files of a folder, recursively (READMEs describe folders, they are no articles). */
function articleFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name !== 'README.md')
    .map((e) => path.join(e.parentPath, e.name));
}

describe('import: every article of ../shared/corpus-more loads', function () {
  this.timeout(120_000);

  it('loads one article per file: none left out, none an error', function () {
    const dir = requireShared(this, 'corpus-more');
    const files = articleFiles(dir);
    assert.ok(files.length >= 560, `expected the 568 corpus-more articles, found ${files.length}`);
    const kb = loadKnowledge([dir]);
    const leftOut = kb.problems.filter((p) => p.severity !== 'warning' || p.skipped).map(formatProblem);
    assert.deepEqual(leftOut, []);
    assert.equal(kb.articles.length, files.length);
  });

  it('placeholders written with spaces inside the brackets are tidied and explained', function () {
    const dir = requireShared(this, 'corpus-more');
    const kb = loadKnowledge([
      path.join(dir, 'ExchangeOnline/calendars/meeting-requests-routed-through-third-party-service-not-auto-processed.md'),
      path.join(dir, 'ExchangeOnline/move-or-migrate-mailboxes/how-to-manage-maximum-concurrent-migration-batches.md'),
      path.join(dir, 'ExchangeServer/administration/managed-availability-messages-journaled.md'),
    ]);
    assert.equal(kb.articles.length, 3);
    const commands = kb.articles.flatMap((a) => a.steps.flatMap((s) => s.commands ?? []));
    const find = (start: string) => commands.find((c) => c.code.startsWith(start));
    const room = find('Set-CalendarProcessing -Identity');
    assert.equal(room?.code, 'Set-CalendarProcessing -Identity <name_of_room_mailbox> -ProcessExternalMeetingMessages $True');
    assert.deepEqual(
      room?.placeholders?.map((p) => p.name),
      ['name_of_room_mailbox'],
    );
    assert.equal(
      find('Set-MigrationEndpoint')?.code,
      'Set-MigrationEndpoint -Identity <name of associated endpoint> -MaxConcurrentMigrations <X>',
    );
    assert.deepEqual(
      find('Set-MigrationEndpoint')?.placeholders?.map((p) => p.name),
      ['name of associated endpoint', 'X'],
    );
    assert.ok(
      commands.some((c) => c.code.includes('Get-ExchangeServer <ServerName> |')),
      'Get-ExchangeServer <ServerName>',
    );
  });
});

describe('import: placeholders with spaces inside the brackets', () => {
  it('are tidied in PowerShell, where < is never an operator; a redirection after them stays', () => {
    const c = makeCommand(
      'Export-MailboxDiagnosticLogs <name_of_room_mailbox > -ComponentName RBA > RoomMBXLogs.txt',
      'powershell',
      '',
      'en',
    );
    assert.equal(c.code, 'Export-MailboxDiagnosticLogs <name_of_room_mailbox> -ComponentName RBA > RoomMBXLogs.txt');
    assert.deepEqual(c.placeholders, [
      { name: 'name_of_room_mailbox', description: { en: 'Replace <name_of_room_mailbox> with the value for your organization.' } },
    ]);
    assert.equal(
      makeCommand('Get-ExchangeServer < ServerName > | fl', 'powershell', '', 'de').code,
      'Get-ExchangeServer <ServerName> | fl',
    );
  });

  it('are left alone in cmd and bash, where `< in.txt >` is two redirections', () => {
    assert.equal(makeCommand('sort < in.txt > out.txt', 'console', '', 'en').code, 'sort < in.txt > out.txt');
    assert.equal(makeCommand('cat < in.txt > out.txt', 'bash', '', 'en').code, 'cat < in.txt > out.txt');
  });
});
