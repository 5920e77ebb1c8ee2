/**
 * Registry paths as people paste them — `HKLM:\…`, `HKLM\…`, `HKEY_LOCAL_MACHINE\…`, PowerShell's
 * `Microsoft.PowerShell.Core\Registry::HKEY_LOCAL_MACHINE\…`, HealthChecker's bare `SYSTEM\…` — turned
 * into one form, so a value read one way is found by a rule written another way.
 */

/** `HKLM\…` with single backslashes and no quotes or trailing backslash; undefined for anything not under HKLM. */
export function canonicalPath(raw: string): string | undefined {
  let p = raw
    .trim()
    .replace(/^["'„“”‘’]+|["'„“”‘’.,;]+$/g, '')
    .replace(/\\+$/, '');
  p = p.replace(/^Microsoft\.PowerShell\.Core\\Registry::/i, '').replace(/^Registry::/i, '');
  const hive = /^(HKEY_LOCAL_MACHINE|HKLM:?)(?=\\|$)/i.exec(p);
  if (hive) p = 'HKLM' + p.slice(hive[0].length);
  else if (/^(SYSTEM|SOFTWARE)\\/i.test(p)) p = 'HKLM\\' + p;
  else return undefined;
  return p.replace(/\\{2,}/g, '\\');
}

/** The comparison key of a path: canonical and lower-cased (the registry ignores case). */
export function pathKey(raw: string): string | undefined {
  return canonicalPath(raw)?.toLowerCase();
}

/** `HKLM\X` → `HKLM:\X`, the form PowerShell's registry provider takes. */
export function powershellPath(canonical: string): string {
  return canonical.replace(/^HKLM\\/, 'HKLM:\\');
}
