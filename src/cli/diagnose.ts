/**
 * `kb diagnose [--json] [TEXT]`: the TLS configuration diagnosis from a terminal. `--json` is a contract
 * for scripts: `{"findings":[{"setting","path","name","found","expected","ok"}],"commands":[…]}`.
 */
import { diagnose, type Diagnosis, type Finding } from '../diagnosis';

/** The JSON shape: `found` null when the value is absent or not shown; `ok` null only when not shown. */
export function diagnosisJson(d: Diagnosis): { findings: object[]; commands: string[] } {
  return {
    findings: d.findings.map((f) => ({
      setting: f.rule.setting.en,
      path: f.rule.path,
      name: f.rule.name,
      found: f.found,
      expected: f.rule.expected,
      ok: f.ok,
    })),
    commands: d.commands.map((c) => c.code),
  };
}

/** A report for people: verdict per setting, the fix commands, the reboot reminder, how to read the rest. */
export function diagnosisText(d: Diagnosis): string {
  if (!d.recognised)
    return 'No TLS setting found in the text: paste reg query, Get-ItemProperty, HealthChecker or [Net.ServicePointManager]::SecurityProtocol output.';
  const count = (ok: boolean | null) => d.findings.filter((f) => f.ok === ok).length;
  const lines = [`TLS configuration: ${count(false)} wrong or missing, ${count(true)} OK, ${count(null)} not in the paste`];
  const verdict = (f: Finding) => (f.ok === null ? 'not shown' : f.ok ? 'ok' : f.found === null ? 'missing' : 'wrong');
  for (const f of d.findings) {
    const value =
      f.ok === null
        ? ''
        : f.found === null
          ? `  (expected ${f.rule.expected})`
          : `  found ${f.found}${f.ok ? '' : `, expected ${f.rule.expected}`}`;
    const where = f.rule.kind === 'session' ? `${f.rule.path}::${f.rule.name}` : `${f.rule.path}\\${f.rule.name}`;
    lines.push(`  ${verdict(f).padEnd(9)}  ${f.rule.setting.en}  [${where}]${value}`);
  }
  if (d.commands.length > 0) lines.push('', 'Fix (elevated PowerShell):', ...d.commands.map((c) => `  ${c.code}`));
  else if (count(false) === 0) lines.push('', 'Everything the paste shows is set as the guidance expects.');
  if (d.rebootNeeded) lines.push('', 'Restart the server afterwards: Windows reads SCHANNEL and WinHTTP settings only at start.');
  if (d.readCommands.length > 0) lines.push('', 'To check the rest, run and paste:', ...d.readCommands.map((c) => `  ${c}`));
  return lines.join('\n');
}

export { diagnose };
