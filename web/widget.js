/*
 * PasteFix chat widget: one script tag adds a chat button and a panel to any page.
 *
 *   <script src="https://<bot host>/widget.js"
 *           data-title="Exchange help"     panel title and button label        (default: "PasteFix")
 *           data-lang="de|en"              language                             (default: the page's, then the browser's)
 *           data-accent="#0f6cbd"          colour of the button and the chat    (default: #0f6cbd)
 *           data-position="right|left"     corner of the button                 (default: right)
 *           defer></script>
 *
 * The panel holds the PasteFix chat page in an iframe from the bot's own origin, so neither page's CSS
 * touches the other. Button and panel live in a shadow root for the same reason. Keyboard: the button
 * opens with Enter or Space, focus moves into the chat, Escape closes and returns focus to the button.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script) {
    var candidates = document.querySelectorAll('script[src*="widget.js"]');
    script = candidates[candidates.length - 1];
  }
  if (!script || window.__pastefixWidget) return;
  window.__pastefixWidget = true;

  var data = script.dataset || {};
  // The chat page lives next to this script (this keeps a path prefix behind a reverse proxy).
  var base = new URL('.', script.src);
  var botOrigin = base.origin;
  var lang = /^de\b/i.test(data.lang || document.documentElement.lang || navigator.language || '') ? 'de' : 'en';
  if (/^(de|en)$/i.test(data.lang || '')) lang = data.lang.toLowerCase();
  var title = (data.title || 'PasteFix').slice(0, 80);
  var accent = /^#[0-9a-fA-F]{3,8}$/.test(data.accent || '') ? data.accent : '#0f6cbd';
  var position = data.position === 'left' ? 'left' : 'right';
  var TEXTS = {
    de: { open: 'Chat öffnen', close: 'Chat schließen', frame: 'Chat mit PasteFix' },
    en: { open: 'Open chat', close: 'Close chat', frame: 'Chat with PasteFix' },
  };
  var text = TEXTS[lang];

  var CSS =
    ':host { all: initial; }' +
    '.launcher { position: fixed; bottom: 20px; ' +
    position +
    ': 20px; z-index: 2147483000;' +
    '  display: flex; align-items: center; gap: 8px; max-width: calc(100vw - 40px); padding: 12px 18px;' +
    '  font: 600 15px/1.2 "Segoe UI", system-ui, -apple-system, Arial, sans-serif; color: #fff; background: ' +
    accent +
    ';' +
    '  border: 0; border-radius: 999px; box-shadow: 0 4px 14px rgba(0,0,0,.25); cursor: pointer; }' +
    '.launcher:hover { filter: brightness(1.08); }' +
    '.launcher:focus-visible, .close:focus-visible { outline: 3px solid #1b1b1f; outline-offset: 3px; }' +
    '.launcher svg { flex: none; width: 20px; height: 20px; }' +
    '.launcher span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }' +
    '.panel { position: fixed; bottom: 84px; ' +
    position +
    ': 20px; z-index: 2147483001;' +
    '  display: flex; flex-direction: column; width: 420px; height: min(680px, calc(100vh - 110px));' +
    '  background: #fff; border-radius: 10px; overflow: hidden; box-shadow: 0 8px 32px rgba(0,0,0,.28);' +
    '  font: 15px/1.3 "Segoe UI", system-ui, -apple-system, Arial, sans-serif; }' +
    '.panel[hidden] { display: none; }' +
    '.bar { flex: none; display: flex; align-items: center; gap: 8px; padding: 8px 8px 8px 16px; color: #fff; background: ' +
    accent +
    '; }' +
    '.bar h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }' +
    '.close { flex: none; width: 36px; height: 36px; padding: 0; font: 24px/1 Arial, sans-serif; color: #fff;' +
    '  background: transparent; border: 0; border-radius: 6px; cursor: pointer; }' +
    '.close:hover { background: rgba(255,255,255,.18); }' +
    'iframe { flex: 1; width: 100%; border: 0; }' +
    '@media (max-width: 480px) {' +
    '  .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }' +
    '  .open .launcher { display: none; }' +
    '}';

  var host = document.createElement('div');
  host.setAttribute('data-pastefix-widget', '');
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;

  var style = document.createElement('style');
  style.textContent = CSS;

  var wrapper = document.createElement('div');

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'pastefix-panel');
  launcher.setAttribute('aria-label', text.open + ': ' + title);
  launcher.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h10V9H7zm0 4v2h7v-2H7z"/></svg>';
  var label = document.createElement('span');
  label.textContent = title;
  launcher.appendChild(label);

  var panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'pastefix-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'false');
  panel.setAttribute('aria-labelledby', 'pastefix-title');

  var bar = document.createElement('div');
  bar.className = 'bar';
  var heading = document.createElement('h2');
  heading.id = 'pastefix-title';
  heading.textContent = title;
  var closeButton = document.createElement('button');
  closeButton.type = 'button';
  closeButton.className = 'close';
  closeButton.setAttribute('aria-label', text.close);
  closeButton.textContent = '\u00d7';
  bar.appendChild(heading);
  bar.appendChild(closeButton);

  var frame = document.createElement('iframe');
  frame.title = text.frame;
  frame.setAttribute('allow', 'clipboard-write');
  var frameLoaded = false;

  panel.appendChild(bar);
  panel.appendChild(frame);
  wrapper.appendChild(launcher);
  wrapper.appendChild(panel);
  root.appendChild(style);
  root.appendChild(wrapper);

  function focusChat() {
    frame.focus();
    if (frameLoaded && frame.contentWindow) frame.contentWindow.postMessage({ type: 'pastefix:focus' }, botOrigin);
  }

  function open() {
    if (!panel.hidden) return;
    if (!frame.src) {
      var url = new URL('./', base);
      url.searchParams.set('embed', '1');
      url.searchParams.set('lang', lang);
      url.searchParams.set('accent', accent);
      frame.addEventListener('load', function () {
        frameLoaded = true;
        if (!panel.hidden) focusChat();
      });
      frame.src = url.href;
    }
    panel.hidden = false;
    wrapper.classList.add('open');
    launcher.setAttribute('aria-expanded', 'true');
    focusChat();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    wrapper.classList.remove('open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) open();
    else close();
  });
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });
  // Keys pressed inside the iframe never reach this page; the chat page reports Escape instead.
  window.addEventListener('message', function (event) {
    if (event.origin === botOrigin && event.source === frame.contentWindow && event.data && event.data.type === 'pastefix:close') {
      close();
    }
  });

  function mount() {
    document.body.appendChild(host);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  // For host pages that open the chat from their own links or buttons.
  window.PasteFixWidget = { open: open, close: close };
})();
