/** The fixed texts of the TLS diagnosis answer, in German and English (our own wording). */
import type { Lang } from '../knowledge/types';

export interface DiagnosisTexts {
  title: string;
  allGood: string;
  wrongCount: (n: number) => string;
  wrongHeading: string;
  found: (found: number, expected: number) => string;
  missing: (expected: number) => string;
  breaksHeading: string;
  breaksIntro: (showCommand: string) => string;
  fixHeading: string;
  fixIntro: string;
  reboot: string;
  okHeading: string;
  okValue: (found: number) => string;
  notShownHeading: string;
  notShownIntro: string;
  checkScript: (showCommand: string) => string;
  sources: string;
  /** The `text` of the reply: notification preview and fallback. */
  summary: (wrong: number) => string;
  showCommand: (id: string) => string;
}

const de: DiagnosisTexts = {
  title: 'So ist TLS auf Ihrem Server eingestellt',
  allGood:
    'Alles, was Ihre Ausgabe zeigt, ist so eingestellt, wie Microsofts TLS-Anleitung für Exchange es vorsieht – hier gibt es nichts zu korrigieren.',
  wrongCount: (n) => (n === 1 ? '1 Einstellung ist falsch oder fehlt.' : `${n} Einstellungen sind falsch oder fehlen.`),
  wrongHeading: 'Falsch oder fehlend',
  found: (found, expected) => `gefunden ${found}, erwartet ${expected}`,
  missing: (expected) => `fehlt, erwartet ${expected}`,
  breaksHeading: 'Was das stört',
  breaksIntro: (show) => `Ohne TLS 1.2 schlagen diese Hybridfunktionen fehl (ganzer Artikel: ${show}):`,
  fixHeading: 'Lösung',
  fixIntro: 'Führen Sie in einer PowerShell mit Administratorrechten auf diesem Server aus:',
  reboot: 'Starten Sie den Server danach neu: Windows liest die SCHANNEL- und WinHTTP-Einstellungen nur beim Start.',
  okHeading: 'In Ordnung',
  okValue: (found) => `Wert ${found}`,
  notShownHeading: 'Nicht in Ihrer Ausgabe',
  notShownIntro: 'Diese Einstellungen zeigt Ihre Ausgabe nicht. Führen Sie die Befehle aus und fügen Sie die Ausgabe hier ein:',
  checkScript: (show) => `Oder alles auf einmal: die Prüfung in Schritt 1 von ${show}.`,
  sources: 'Grundlage',
  summary: (wrong) =>
    wrong === 0 ? 'TLS-Konfiguration geprüft: nichts zu korrigieren.' : `TLS-Konfiguration geprüft: ${wrong} falsch oder fehlend.`,
  showCommand: (id) => `zeige ${id}`,
};

const en: DiagnosisTexts = {
  title: 'TLS configuration of your server',
  allGood: "Everything your paste shows is set the way Microsoft's Exchange TLS guidance expects – nothing to fix there.",
  wrongCount: (n) => (n === 1 ? '1 setting is wrong or missing.' : `${n} settings are wrong or missing.`),
  wrongHeading: 'Wrong or missing',
  found: (found, expected) => `found ${found}, expected ${expected}`,
  missing: (expected) => `missing, expected ${expected}`,
  breaksHeading: 'What this breaks',
  breaksIntro: (show) => `Without TLS 1.2 these hybrid features fail (full article: ${show}):`,
  fixHeading: 'Fix',
  fixIntro: 'Run in an elevated PowerShell on this server:',
  reboot: 'Restart the server afterwards: Windows reads SCHANNEL and WinHTTP settings only at start.',
  okHeading: 'OK',
  okValue: (found) => `value ${found}`,
  notShownHeading: 'Not in your paste',
  notShownIntro: "Your paste doesn't show these settings. Run these commands and paste their output here:",
  checkScript: (show) => `Or all at once: the check in step 1 of ${show}.`,
  sources: 'Based on',
  summary: (wrong) =>
    wrong === 0 ? 'TLS configuration checked: nothing to fix.' : `TLS configuration checked: ${wrong} wrong or missing.`,
  showCommand: (id) => `show ${id}`,
};

export function diagnosisTexts(lang: Lang): DiagnosisTexts {
  return lang === 'de' ? de : en;
}
