import { escapeRegExp } from '../knowledge/regExp';
import type { Article } from '../knowledge/types';
import { CLIENT_PROGRAMS, MICROSOFT_NAMESPACES, PROGRAM_KIND_NOISE, PROGRAM_KINDS } from '../knowledge/vocabulary';

/**
 * The foreign-program rule: a paste printed by another program than Microsoft's is that program's report. The same
 * error text an article quotes (`Access is denied`, `(403) Forbidden`, `5.7.3 Authentication unsuccessful`) printed
 * by an EWS client library, a mailer, a Python script or a Postfix relay is usually that program's problem (its
 * account, its settings, its own refusal), not the Exchange admin task the article is about. When the paste shows
 * it comes from another program and the article's own text names no program or kind of program (apps, clients,
 * devices, scripts, SMTP AUTH, third-party software, EWS or Graph, IMAP or POP, relays), the match is offered, not
 * answered. Articles about programs that send mail or call Exchange's interfaces agree with such a paste.
 */

/** A Python traceback's header or frame (`File "/app/sync.py", line 12, in run`). */
const PYTHON = /Traceback \(most recent call last\)|^[ \t]*File "[^"\n]+\.py", line \d+/m;
/** A JVM stack: `Exception in thread "main"`, or a frame `at com.foo.Bar.run(Bar.java:12)` (also `Unknown Source`, `Native Method`). */
const JAVA =
  /Exception in thread "|^[ \t]*at [\w$]+(?:[./][\w$<>]+)+\((?:[\w$]+\.(?:java|kt|scala)(?::\d+)?|Unknown Source|Native Method)\)/m;
/**
 * A Node.js frame: `at send (/srv/app/mail.js:10:5)`, `at /srv/app/node_modules/x/index.js:3:9`, also inside a line (a
 * stack logged on one line), or a path through `node_modules`.
 */
const NODE =
  /^[ \t]*at (?:[^\n()]+ \()?[^\s()]*\.(?:js|mjs|cjs|ts):\d+:\d+\)?[ \t\r]*$|\bat [\w.$<>]+ \([^()\s]*\.(?:js|mjs|cjs|ts):\d+:\d+\)|node_modules[\\/]/m;
/** PHP's errors and frames: `PHP Fatal error`, `… in /var/www/x.php:12`, `… on line 12`, `#0 /var/www/x.php(12)`. */
const PHP = /\bPHP (?:Fatal error|Warning|Notice|Parse error)\b|\.php(?:\(\d+\)|:\d+\b| on line \d+)/;
/** A Go panic (`panic: …` with `goroutine 1 [running]`) or a Ruby frame (`/app/lib/x.rb:12:in 'block'`). */
const GO = /^panic: [^\n]*\n(?:[^\n]*\n){0,3}\s*goroutine \d+ \[/m;
const RUBY = /\.rb:\d+:in [`']/;
/** A .NET stack frame's root namespace (`at MailKit.Net.Smtp.SmtpClient.Send(…)` → `MailKit`). */
const DOTNET_FRAME = /^[ \t]*at ([A-Za-z_]\w*)\.[\w.`<>|$]+\(/gm;
/**
 * A frame of Microsoft's own servers and tools (`at Microsoft.Exchange.…`, `Microsoft.Online.CSE.Hybrid…`): the stack is
 * theirs, whatever library they call (Exchange ships `Newtonsoft.Json`). The EWS Managed API
 * (`Microsoft.Exchange.WebServices.…`) is a client library other programs call: not this.
 */
const MICROSOFT_PRODUCT_FRAME = /^[ \t]*at Microsoft\.(?:Exchange\.(?!WebServices\.)|Online\.|Office\.)/m;
/**
 * A Java or Python exception class in its package (`microsoft.exchange.webservices.….ServiceResponseException`,
 * `smtplib.SMTPAuthenticationError`, `exchangelib.errors.ErrorNonExistentMailbox`).
 */
const PACKAGE_CLASS = /(?<![\w.])[a-z][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*\.(?:[A-Z]\w*(?:Exception|Error)|Error[A-Z]\w*)\b/;
/**
 * A mail relay's own refusal (`postfix/smtpd[130]: NOQUEUE: reject: RCPT from …`, Exim's `H=… rejected RCPT`): its own
 * rules refused the mail, whoever the recipient is. (A reply it relays, `host mail.contoso.com[…] said: 550 5.7.1 …`,
 * is the other server's, often Exchange's own: not this.)
 */
const RELAY_REFUSAL = /\bNOQUEUE: reject: |\bpostfix\/[\w-]+\[\d+\]: [^\n]*\breject: |\bH=[^\n]* rejected (?:RCPT|MAIL)\b/;
/** A client program's name as a word (CLIENT_PROGRAMS). */
const CLIENT = new RegExp(`(?<![\\w.-])(${CLIENT_PROGRAMS.map(escapeRegExp).join('|')})(?![\\w-])`, 'i');

/** What in `text` shows the program that printed it is not Microsoft's (`a Python traceback`, `the client mailkit`), or undefined. */
export function foreignProgram(text: string): string | undefined {
  if (PYTHON.test(text)) return 'a Python traceback';
  if (JAVA.test(text)) return 'a Java stack trace';
  if (NODE.test(text)) return 'a Node.js stack trace';
  if (PHP.test(text)) return 'a PHP error';
  if (GO.test(text)) return 'a Go panic';
  if (RUBY.test(text)) return 'a Ruby stack trace';
  if (text.includes('at ') && !MICROSOFT_PRODUCT_FRAME.test(text)) {
    DOTNET_FRAME.lastIndex = 0;
    for (let m = DOTNET_FRAME.exec(text); m !== null; m = DOTNET_FRAME.exec(text))
      if (!MICROSOFT_NAMESPACES.has(m[1])) return `.NET stack frames of ${m[1]}`;
  }
  const cls = PACKAGE_CLASS.exec(text);
  if (cls) return `the exception ${cls[0]}`;
  if (RELAY_REFUSAL.test(text)) return "a mail relay's own refusal";
  const client = CLIENT.exec(text);
  if (client) return `the client ${client[1].toLowerCase()}`;
  return undefined;
}

/**
 * The words of the article's prose that name a program or kind of program (PROGRAM_KINDS: `LOB apps`, `REST API`,
 * `SMTP client`), or undefined: then it is about an admin task. Its prose is what it is about: title, keywords, symptom
 * descriptions and context, cause — not its error texts, steps or commands (`/EWS/mrsproxy.svc` in an error, a
 * script a step runs), and not Microsoft's own programs named with those words (PROGRAM_KIND_NOISE).
 */
export function programNamed(a: Article): string | undefined {
  const texts = [
    ...Object.values(a.title),
    ...(a.keywords ? Object.values(a.keywords).flat() : []),
    ...a.symptoms.flatMap((s) => [
      ...Object.values(s.description),
      ...(s.keywords ? Object.values(s.keywords).flat() : []),
      ...(s.context ? Object.values(s.context).flat() : []),
    ]),
    ...Object.values(a.cause),
  ];
  const prose = texts
    .filter((t): t is string => typeof t === 'string')
    .join('\n')
    .replace(PROGRAM_KIND_NOISE, ' ');
  return PROGRAM_KINDS.exec(prose)?.[0];
}
