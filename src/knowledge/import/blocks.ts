/**
 * Markdown → a small block tree the importer can reason about (headings, paragraphs,
 * quotes and callouts, lists, code, tables), parsed with markdown-it so that lazy quote
 * continuations, quotes inside list items, escapes and hard breaks come out right.
 * Links are resolved to absolute URLs here (or dropped, keeping their text).
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token';

export interface Link {
  text: string;
  url: string;
}

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | {
      kind: 'paragraph';
      /** Plain text; soft and hard line breaks kept as `\n`. */
      text: string;
      links: Link[];
      /** Text of bold spans. */
      bold: string[];
      /** The content when the paragraph is nothing but one inline code span. */
      codeOnly: string | null;
    }
  | { kind: 'quote'; callout: string | null; blocks: Block[] }
  | { kind: 'list'; ordered: boolean; items: Block[][] }
  | { kind: 'code'; lang: string; content: string }
  | {
      kind: 'table';
      /** Every cell's text, row by row, joined with ` | ` (for prose and quotes). */
      text: string;
      /** The cells, row by row, the header row first. */
      rows: TableCell[][];
    };

/** One table cell: its plain text, and its content when it is nothing but one inline code span. */
export interface TableCell {
  text: string;
  codeOnly: string | null;
}

const markdown = new MarkdownIt({ html: true, linkify: false });
const LEARN = 'https://learn.microsoft.com';

/**
 * Resolves a link target as Microsoft Learn publishes it: site-relative paths live on
 * learn.microsoft.com; page-relative `.md` links resolve against the article's own URL
 * when it is known. Anything else relative (images, anchors, includes) has no useful URL.
 */
export function resolveHref(href: string, baseUrl: string | undefined): string | null {
  const target = href.trim();
  if (/^https?:\/\//i.test(target)) return target;
  if (/^\/(?!\/)/.test(target)) return LEARN + target;
  if (!target || target.startsWith('#') || /^[a-z]+:/i.test(target)) return null;
  const path = target.split('#')[0];
  if (!baseUrl || !/\.md$/i.test(path)) return null;
  try {
    return new URL(path.replace(/\.md$/i, ''), baseUrl).toString();
  } catch {
    return null;
  }
}

/** Removes DocFX directives and comments that carry no text for a reader. */
function stripDirectives(source: string): string {
  return source
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/:::image\b[\s\S]*?:::/g, '')
    .replace(/:::(?:row|column|zone|moniker|code)[^\n]*?:::/g, '')
    .replace(/^[ \t>]*\[!INCLUDE\b.*$/gim, '');
}

export function parseBlocks(source: string, baseUrl: string | undefined): Block[] {
  let tokens: Token[];
  try {
    tokens = markdown.parse(stripDirectives(source), {});
  } catch {
    return [];
  }
  const [blocks] = walk(tokens, 0, null, baseUrl);
  return blocks;
}

function walk(tokens: Token[], start: number, closing: string | null, baseUrl: string | undefined): [Block[], number] {
  const blocks: Block[] = [];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i];
    if (closing && token.type === closing) return [blocks, i + 1];
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[i + 1];
        blocks.push({
          kind: 'heading',
          level: Number(token.tag.slice(1)) || 1,
          text: renderInline(inline, baseUrl).text.replace(/\s+/g, ' ').trim(),
        });
        i += 3;
        continue;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const rendered = renderInline(inline, baseUrl);
        if (rendered.text.trim() || rendered.codeOnly) blocks.push({ kind: 'paragraph', ...rendered });
        i += 3;
        continue;
      }
      case 'blockquote_open': {
        const [inner, next] = walk(tokens, i + 1, 'blockquote_close', baseUrl);
        const directive = docfxDirective(inner);
        // a DocFX button or video is page furniture, not quoted text: its link text stays as prose, nothing of it is an error
        if (directive) blocks.push(...directive);
        else blocks.push(toQuote(inner));
        i = next;
        continue;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = token.type === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close';
        const items: Block[][] = [];
        i++;
        while (i < tokens.length && tokens[i].type !== close) {
          if (tokens[i].type === 'list_item_open') {
            const [inner, next] = walk(tokens, i + 1, 'list_item_close', baseUrl);
            items.push(inner);
            i = next;
          } else i++;
        }
        blocks.push({ kind: 'list', ordered: token.type === 'ordered_list_open', items });
        i++;
        continue;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', lang: (token.info || '').trim().split(/\s+/)[0] ?? '', content: token.content.replace(/\n$/, '') });
        i++;
        continue;
      case 'table_open': {
        const rows: TableCell[][] = [];
        i++;
        while (i < tokens.length && tokens[i].type !== 'table_close') {
          if (tokens[i].type === 'tr_open') rows.push([]);
          else if (tokens[i].type === 'inline' && rows.length > 0) {
            const { text, codeOnly } = renderInline(tokens[i], baseUrl);
            rows[rows.length - 1].push({ text: text.replace(/\s+/g, ' ').trim(), codeOnly });
          }
          i++;
        }
        const text = rows
          .flat()
          .map((cell) => cell.text)
          .filter(Boolean)
          .join(' | ');
        blocks.push({ kind: 'table', text, rows });
        i++;
        continue;
      }
      default:
        i++;
    }
  }
  return [blocks, i];
}

/** DocFX's `> [!div class="nextstepaction"]` (a button) and `> [!VIDEO https://…]` (an embedded player). */
const DOCFX_DIRECTIVE = /^\s*\[!(?:div|video)\b[^\]\n]*\]\s*/i;

/** The blocks of a quote that is a DocFX directive, without the directive; null for any other quote. */
function docfxDirective(blocks: Block[]): Block[] | null {
  const first = blocks[0];
  const match = first?.kind === 'paragraph' ? DOCFX_DIRECTIVE.exec(first.text) : null;
  if (!match || first?.kind !== 'paragraph') return null;
  const rest = first.text.slice(match[0].length);
  return rest.trim() ? [{ ...first, text: rest, codeOnly: null }, ...blocks.slice(1)] : blocks.slice(1);
}

/** `> [!NOTE]` and friends are callouts; any other quote is quoted text (usually an error message). */
function toQuote(blocks: Block[]): Block {
  const first = blocks[0];
  if (first && first.kind === 'paragraph') {
    const match = /^\s*\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*/i.exec(first.text);
    if (match) {
      const rest = first.text.slice(match[0].length);
      const remaining = rest.trim() ? [{ ...first, text: rest }, ...blocks.slice(1)] : blocks.slice(1);
      return { kind: 'quote', callout: match[1].toUpperCase(), blocks: remaining };
    }
  }
  return { kind: 'quote', callout: null, blocks };
}

interface RenderedInline {
  text: string;
  links: Link[];
  bold: string[];
  codeOnly: string | null;
}

function renderInline(inline: Token | undefined, baseUrl: string | undefined): RenderedInline {
  const children = inline?.children ?? [];
  let text = '';
  const links: Link[] = [];
  const bold: string[] = [];
  let link: { href: string; start: number } | null = null;
  let boldStart = -1;
  let codeSpans = 0;
  let codeContent = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
        text += child.content;
        break;
      case 'code_inline':
        text += child.content;
        codeSpans++;
        codeContent = child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'link_open':
        link = { href: child.attrGet('href') ?? '', start: text.length };
        break;
      case 'link_close':
        if (link) {
          const url = resolveHref(link.href, baseUrl);
          const linkText = text.slice(link.start).replace(/\s+/g, ' ').trim();
          if (url && linkText) links.push({ text: linkText, url });
        }
        link = null;
        break;
      case 'strong_open':
        boldStart = text.length;
        break;
      case 'strong_close':
        if (boldStart >= 0) bold.push(text.slice(boldStart).trim());
        boldStart = -1;
        break;
      case 'html_inline':
        // a line break, or the start or end of a list item or paragraph written in HTML (inside table cells)
        if (/^<(?:br\s*\/?|\/?(?:li|p|ul|ol)\b[^>]*)>$/i.test(child.content)) text += '\n';
        break;
      default:
        // images, emphasis markers, other html: no text of their own
        break;
    }
  }
  text = text.replace(/\u00a0/g, ' ');
  const onlyCode = codeSpans === 1 && text.trim() === codeContent.trim() ? codeContent.trim() : null;
  return { text, links, bold: bold.filter(Boolean), codeOnly: onlyCode };
}

// ---------------------------------------------------------------- rendering back to prose

/** Plain prose of blocks: paragraphs, list items as `- ` / `1. ` lines, callouts as `Note: …`. Code and tables left out. */
export function proseOf(blocks: Block[], indent = ''): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        parts.push(indent + oneLine(block.text));
        break;
      case 'heading':
        parts.push(indent + block.text);
        break;
      case 'quote': {
        const inner = proseOf(block.blocks, indent);
        if (!inner) break;
        parts.push(block.callout ? `${indent}${calloutLabel(block.callout)}: ${inner.trimStart()}` : inner);
        break;
      }
      case 'list':
        block.items.forEach((item, n) => {
          const body = proseOf(item, `${indent}   `).trimStart();
          if (body) parts.push(`${indent}${block.ordered ? `${n + 1}.` : '-'} ${body}`);
        });
        break;
      default:
        break;
    }
  }
  return parts.filter((p) => p.trim()).join('\n');
}

export function calloutLabel(callout: string): string {
  return callout.charAt(0) + callout.slice(1).toLowerCase();
}

export function oneLine(text: string): string {
  // (?<!\s): from where a run of spaces begins only; tried inside it too, a long run without a line break was quadratic.
  return text
    .replace(/(?<!\s)\s*\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Raw text of a quote's content, line by line (for error messages); its paragraphs apart by a blank line, as written. */
export function quoteText(blocks: Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        lines.push(block.text);
        break;
      case 'code':
        lines.push(block.content);
        break;
      case 'quote':
        lines.push(quoteText(block.blocks));
        break;
      case 'list':
        for (const item of block.items) lines.push(quoteText(item));
        break;
      case 'heading':
      case 'table':
        lines.push(block.text);
        break;
    }
  }
  return lines.join('\n\n');
}

/** Every link in the blocks, in order. */
export function linksOf(blocks: Block[]): Link[] {
  const links: Link[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') links.push(...block.links);
    else if (block.kind === 'quote') links.push(...linksOf(block.blocks));
    else if (block.kind === 'list') for (const item of block.items) links.push(...linksOf(item));
  }
  return links;
}
