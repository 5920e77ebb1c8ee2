/**
 * Screenshots as admins paste them, rendered by Chromium from HTML: a PowerShell console (white on
 * blue), the Exchange Management Shell (grey on black, errors red), a Hybrid Configuration Wizard
 * error dialog, an Outlook message box and the event viewer's detail pane; German and English Windows
 * chrome; at 100 % scaling ("small": 12–13 px text) and at 200 % ("scaled"). Shared by the OCR tests
 * and `npm run bench` (part `ocr`).
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../web/support/browser';

export type Look = 'powershell' | 'ems' | 'hcw' | 'outlook' | 'eventviewer' | 'notes';

export interface ScreenshotSpec {
  /** File-name-like name, e.g. `powershell-de-small`. */
  name: string;
  look: Look;
  lang: 'de' | 'en';
  /** Device pixels per CSS pixel: 1 = 100 % scaling (small text), 2 = 200 %. */
  scale: 1 | 2;
  /** The lines of text the screenshot shows (the error, and the look's own chrome around it). */
  lines: string[];
  /** Title bar or dialog title. */
  title?: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The reference error as PowerShell prints it (English and German Exchange), prompt and record included. */
export const REFERENCE_ERROR = {
  en: [
    'PS C:\\> Set-FederatedOrganizationIdentifier -DelegationFederationTrust "Microsoft Federation Gateway" -AccountNamespace contoso.com -Enabled $true',
    'Set-FederatedOrganizationIdentifier : An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."".',
    'At line:1 char:1',
    '+ Set-FederatedOrganizationIdentifier -DelegationFederationTrust ...',
    '    + CategoryInfo          : NotSpecified: (:) [Set-FederatedOrganizationIdentifier], ProvisioningException',
  ],
  de: [
    'PS C:\\> Set-FederatedOrganizationIdentifier -DelegationFederationTrust "Microsoft Federation Gateway" -AccountNamespace contoso.com -Enabled $true',
    'Set-FederatedOrganizationIdentifier : Fehler beim Versuch, Exchange für den Partner STS bereitzustellen. Detaillierte Informationen: "Fehler beim Zugriff auf Windows Live". "Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden."',
    'In Zeile:1 Zeichen:1',
    '+ Set-FederatedOrganizationIdentifier -DelegationFederationTrust ...',
    '    + CategoryInfo          : NotSpecified: (:) [Set-FederatedOrganizationIdentifier], ProvisioningException',
  ],
};

/** The reference error as the Hybrid Configuration Wizard shows it. */
export const REFERENCE_HCW = [
  "Updating hybrid configuration failed with error 'Subtask Configure execution failed: Creating Organization Relationships.",
  'Execution of the Set-FederatedOrganizationIdentifier cmdlet has thrown an exception.',
  'PowerShell failed to invoke \'Set-FederatedOrganizationIdentifier\': An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send.""',
];

function page(body: string, css: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    * { box-sizing: border-box; }
    body { margin: 0; background: #fff; }
    ${css}
  </style></head><body>${body}</body></html>`;
}

function consoleHtml(spec: ScreenshotSpec, colours: { bg: string; fg: string; error: string; errorBg: string }): string {
  const rows = spec.lines.map((line, i) => `<div class="${i === 0 ? 'cmd' : 'err'}">${escapeHtml(line) || '&nbsp;'}</div>`).join('');
  return page(
    `<div id="shot"><div class="bar">${escapeHtml(spec.title ?? 'Windows PowerShell')}</div><div class="con">${rows}</div></div>`,
    `#shot { width: 880px; font-family: 'Liberation Mono', monospace; }
     .bar { background: #fff; color: #000; font: 12px 'Liberation Sans', sans-serif; padding: 6px 8px; border: 1px solid #888; }
     .con { background: ${colours.bg}; padding: 4px 6px 14px; font-size: 13px; line-height: 16px; white-space: pre-wrap; word-break: break-all; }
     .cmd { color: ${colours.fg}; }
     .err { color: ${colours.error}; background: ${colours.errorBg}; }`,
  );
}

function dialogHtml(spec: ScreenshotSpec, icon: string, button: string): string {
  const rows = spec.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  return page(
    `<div id="shot"><div class="title">${escapeHtml(spec.title ?? '')}</div>
       <div class="body"><div class="icon">${icon}</div><div class="text">${rows}</div></div>
       <div class="buttons"><span>${escapeHtml(button)}</span></div></div>`,
    `#shot { width: 560px; font: 12px 'Liberation Sans', sans-serif; border: 1px solid #6d6d6d; background: #fff; color: #000; }
     .title { padding: 7px 10px; font-size: 12px; border-bottom: 1px solid #ddd; }
     .body { display: flex; gap: 12px; padding: 14px 14px 10px; }
     .icon { width: 32px; height: 32px; border-radius: 16px; background: #c42b1c; color: #fff; font: bold 22px 'Liberation Sans'; text-align: center; line-height: 32px; flex: none; }
     .text p { margin: 0 0 6px; line-height: 16px; }
     .buttons { background: #f0f0f0; padding: 10px 14px; text-align: right; }
     .buttons span { display: inline-block; border: 1px solid #0078d4; padding: 3px 22px; background: #e1e1e1; }`,
  );
}

function eventViewerHtml(spec: ScreenshotSpec): string {
  const [description, ...fields] = spec.lines;
  const rows = fields
    .map((f) => {
      const [k, v] = f.split('\t');
      return `<tr><td class="k">${escapeHtml(k ?? '')}</td><td>${escapeHtml(v ?? '')}</td></tr>`;
    })
    .join('');
  return page(
    `<div id="shot"><div class="tabs"><span class="on">${spec.lang === 'de' ? 'Allgemein' : 'General'}</span><span>Details</span></div>
       <div class="desc">${escapeHtml(description ?? '')}</div><table>${rows}</table></div>`,
    `#shot { width: 720px; font: 12px 'Liberation Sans', sans-serif; background: #fff; color: #000; border: 1px solid #a0a0a0; padding: 0 0 10px; }
     .tabs { background: #f3f3f3; border-bottom: 1px solid #ccc; padding: 4px 6px 0; }
     .tabs span { display: inline-block; padding: 3px 10px; } .tabs .on { background: #fff; border: 1px solid #ccc; border-bottom: none; }
     .desc { margin: 10px; padding: 8px; border: 1px solid #d0d0d0; min-height: 70px; line-height: 16px; }
     table { margin: 0 10px; border-collapse: collapse; } td { padding: 2px 12px 2px 0; } .k { color: #333; }`,
  );
}

function notesHtml(spec: ScreenshotSpec): string {
  return page(
    `<div id="shot">${spec.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`,
    `#shot { width: 600px; padding: 16px; font: 14px 'Liberation Serif', serif; background: #fffbe6; color: #222; } p { margin: 0 0 8px; }`,
  );
}

export function screenshotHtml(spec: ScreenshotSpec): string {
  switch (spec.look) {
    case 'powershell':
      return consoleHtml(spec, { bg: '#012456', fg: '#eeedf0', error: '#ff0000', errorBg: '#000000' });
    case 'ems':
      return consoleHtml(spec, { bg: '#0c0c0c', fg: '#cccccc', error: '#e74856', errorBg: '#0c0c0c' });
    case 'hcw':
      return dialogHtml(spec, '×', 'OK');
    case 'outlook':
      return dialogHtml(spec, '!', 'OK');
    case 'eventviewer':
      return eventViewerHtml(spec);
    case 'notes':
      return notesHtml(spec);
  }
}

/** Renders the screenshot as a PNG, cut to the window or dialog. */
export async function renderScreenshot(browser: Browser, spec: ScreenshotSpec): Promise<Buffer> {
  const context = await browser.newContext({ deviceScaleFactor: spec.scale, viewport: { width: 1000, height: 700 } });
  try {
    const p = await context.newPage();
    await p.setContent(screenshotHtml(spec));
    return await p.locator('#shot').screenshot({ type: 'png' });
  } finally {
    await context.close();
  }
}

/** The screenshots of the reference error (built-in knowledge): console, shell and wizard, German and English. */
export function referenceScreenshots(): ScreenshotSpec[] {
  return [
    {
      name: 'powershell-en-small',
      look: 'powershell',
      lang: 'en',
      scale: 1,
      lines: REFERENCE_ERROR.en,
      title: 'Administrator: Windows PowerShell',
    },
    {
      name: 'powershell-de-small',
      look: 'powershell',
      lang: 'de',
      scale: 1,
      lines: REFERENCE_ERROR.de,
      title: 'Administrator: Windows PowerShell',
    },
    { name: 'ems-en-scaled', look: 'ems', lang: 'en', scale: 2, lines: REFERENCE_ERROR.en, title: 'Machine: EX01.contoso.com' },
    { name: 'ems-de-scaled', look: 'ems', lang: 'de', scale: 2, lines: REFERENCE_ERROR.de, title: 'Computer: EX01.contoso.com' },
    { name: 'hcw-en-small', look: 'hcw', lang: 'en', scale: 1, lines: REFERENCE_HCW, title: 'Hybrid Configuration Wizard' },
  ];
}

/** Screenshots of errors from `../shared/corpus` articles: wizard dialog, Outlook message box, event viewer. */
/**
 * `article` the article the screenshot's error belongs to; `family` when other articles hold that error word for word
 * (the dialog shows nothing else): then all of them are offered, none answered (README, the family rule).
 */
export function corpusScreenshots(): (ScreenshotSpec & { article: string; family?: string[] })[] {
  return [
    {
      name: 'hcw8010-en-scaled',
      look: 'hcw',
      lang: 'en',
      scale: 2,
      title: 'Hybrid Configuration Wizard',
      lines: ['HCW8010 Default Receive Connector cannot be found on server EX01.'],
      article: 'hcw8010-default-receive-connector-not-found',
    },
    {
      name: 'outlook-en-small',
      look: 'outlook',
      lang: 'en',
      scale: 1,
      title: 'Microsoft Outlook',
      lines: ['The name cannot be resolved. The name cannot be matched to a name in the address list.'],
      article: 'cannot-access-hidden-mailbox-in-outlook-after-migration',
      family: ['cannot-access-hidden-mailbox-in-outlook-after-migration', 'cannot-add-room-or-resource-mailbox'],
    },
    {
      name: 'eventviewer-de-small',
      look: 'eventviewer',
      lang: 'de',
      scale: 1,
      lines: [
        'Send connector Outbound to Office 365: Message delivery was not successful. The message with message ID 1234 was acknowledged with SMTP response 454 4.7.0 Failed to establish appropriate TLS channel: UntrustedRoot: Access Denied.',
        'Protokollname:\tAnwendung',
        'Quelle:\tMSExchangeTransport',
        'Ereignis-ID:\t2004',
        'Aufgabenkategorie:\tSmtpSend',
      ],
      article: 'mail-flow-stops-event-2004',
    },
  ];
}

/** Text that is no error at all: must not be answered. */
export const UNRELATED: ScreenshotSpec = {
  name: 'notes-en-small',
  look: 'notes',
  lang: 'en',
  scale: 1,
  lines: [
    'Team lunch on Friday at noon in the small canteen.',
    'Please bring the slides for the quarterly review.',
    'Parking is free for visitors after six.',
  ],
};

const rendered = new Map<string, Promise<Buffer>>();
let browser: Promise<Browser> | undefined;

/**
 * The screenshot as PNG, rendered once per test run (one Chromium for all; closed when the process
 * exits). Callers check for Chromium first (`skipWithoutChromium`).
 */
export function screenshotPng(spec: ScreenshotSpec): Promise<Buffer> {
  let png = rendered.get(spec.name);
  if (!png) {
    browser ??= launchBrowser().then((b) => {
      process.once('beforeExit', () => void b.close());
      return b;
    });
    png = browser.then((b) => renderScreenshot(b, spec));
    rendered.set(spec.name, png);
  }
  return png;
}

/** Closes the shared Chromium (from a root `after` hook or when done). */
export async function closeScreenshotBrowser(): Promise<void> {
  const b = browser;
  browser = undefined;
  rendered.clear();
  if (b) await (await b).close();
}
