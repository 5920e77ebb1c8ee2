/*
 * The PasteFix chat page: gets a Direct Line token from our server, then mounts Bot Framework Web Chat.
 *
 * Query parameters (all optional; the widget sets them for its iframe):
 *   lang=de|en      language of the page and of Web Chat; default: the browser's language
 *   embed=1         inside the widget's panel: no page title; Escape asks the host page to close the panel
 *   accent=#rrggbb  accent colour of buttons and the send button
 */
(function () {
  'use strict';

  var TEXTS = {
    de: {
      hint: 'Fügen Sie eine Fehlermeldung ein – aus PowerShell, dem Protokoll des Hybrid-Konfigurations-Assistenten oder der Ereignisanzeige – und Sie erhalten Ursache und Lösung, Schritt für Schritt.',
      placeholder: 'Fehlermeldung hier einfügen',
      starting: 'Der Chat wird gestartet…',
      failed: 'Der Chat konnte nicht starten: ',
      retry: 'Erneut versuchen',
      chat: 'Chat mit PasteFix',
      noWebChat: 'Die Chat-Komponente wurde nicht geladen.',
    },
    en: {
      hint: 'Paste an error message – from PowerShell, the Hybrid Configuration Wizard log or the event log – and get its cause and the fix, step by step.',
      placeholder: 'Paste an error message here',
      starting: 'Starting the chat…',
      failed: 'The chat could not start: ',
      retry: 'Try again',
      chat: 'Chat with PasteFix',
      noWebChat: 'The chat component did not load.',
    },
  };

  var params = new URLSearchParams(window.location.search);
  var lang = pickLang(params.get('lang') || navigator.language || 'en');
  var text = TEXTS[lang];
  var embedded = params.get('embed') === '1';
  var accent = /^#[0-9a-fA-F]{3,8}$/.test(params.get('accent') || '') ? params.get('accent') : '#0f6cbd';

  var root = document.documentElement;
  root.lang = lang;
  root.style.setProperty('--pf-accent', accent);
  if (embedded) root.classList.add('pf-embed');
  document.getElementById('pf-hint').textContent = text.hint;
  var container = document.getElementById('webchat');
  container.setAttribute('aria-label', text.chat);
  container.removeAttribute('aria-labelledby');

  function pickLang(value) {
    return /^de\b/i.test(String(value)) ? 'de' : 'en';
  }

  function showStatus(message, withRetry) {
    container.textContent = '';
    var p = document.createElement('p');
    p.className = 'pf-status';
    p.setAttribute('role', withRetry ? 'alert' : 'status');
    p.textContent = message;
    container.appendChild(p);
    if (withRetry) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'pf-retry';
      button.textContent = text.retry;
      button.addEventListener('click', start);
      container.appendChild(button);
      button.focus();
    }
  }

  function fetchToken() {
    return fetch('api/directline/token', { method: 'POST', headers: { Accept: 'application/json' } }).then(function (res) {
      return res
        .json()
        .catch(function () {
          return {};
        })
        .then(function (body) {
          if (!res.ok || !body.token) {
            var message = body && body.error && body.error.message ? body.error.message : 'HTTP ' + res.status;
            throw new Error(message);
          }
          return body;
        });
    });
  }

  function focusSendBox() {
    var input = container.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) input.focus();
    return !!input;
  }

  /*
   * The bot sends its cards with a one-line summary in `text` (for notifications and card-less channels).
   * Web Chat would show that line as a bubble above the card that says the same; keep the card only.
   */
  function dropCardSummaries() {
    return function (next) {
      return function (action) {
        var activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
        if (activity && activity.from && activity.from.role === 'bot' && activity.text && activity.text === activity.summary) {
          var hasCard = (activity.attachments || []).some(function (a) {
            return a.contentType === 'application/vnd.microsoft.card.adaptive';
          });
          if (hasCard) {
            var copy = Object.assign({}, activity);
            delete copy.text;
            action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: copy }) });
          }
        }
        return next(action);
      };
    };
  }

  function start() {
    showStatus(text.starting, false);
    if (!window.WebChat) {
      showStatus(text.failed + text.noWebChat, true);
      return;
    }
    fetchToken()
      .then(function (grant) {
        var local = grant.mode === 'local';
        var directLine = window.WebChat.createDirectLine({
          token: grant.token,
          domain: new URL(grant.domain, document.baseURI).href.replace(/\/$/, ''),
          // The local emulation answers by polling; Azure Direct Line streams over a WebSocket.
          webSocket: !local,
          pollingInterval: local ? 500 : undefined,
          conversationStartProperties: { locale: lang === 'de' ? 'de-DE' : 'en-US' },
        });
        container.textContent = '';
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: window.WebChat.createStore({}, dropCardSummaries),
            locale: lang === 'de' ? 'de-DE' : 'en-US',
            overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: text.placeholder },
            styleOptions: {
              accent: accent,
              primaryFont: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
              monospaceFont: "Consolas, 'Cascadia Mono', 'DejaVu Sans Mono', 'Courier New', monospace",
              backgroundColor: '#f7f7f8',
              bubbleBorderRadius: 6,
              bubbleFromUserBorderRadius: 6,
              bubbleFromUserBackground: '#e8f1fb',
              bubbleFromUserBorderColor: '#cfe0f5',
              // Answer cards carry commands: give them room on a desktop, fit 360 px on a phone.
              bubbleMaxWidth: 760,
              bubbleMinWidth: 200,
              cardPushButtonBackgroundColor: accent,
              richCardWrapTitle: true,
              // Screenshots: the upload button sends PNG or JPEG images; the bot reads their text (OCR).
              uploadAccept: 'image/png,image/jpeg',
              uploadMultiple: false,
              // The bot speaks Markdown only; raw HTML in a message (perhaps from a quoted paste) stays text.
              markdownRenderHTML: false,
              // A multi-line send box keeps the line breaks of a pasted error (Shift+Enter adds a line).
              sendBoxTextWrap: true,
              sendBoxMaxHeight: 160,
              // A long answer card stops scrolling at its top, so the title and the cause are read first.
              autoScrollSnapOnPage: true,
              suggestedActionLayout: 'stacked',
              suggestedActionsStackedLayoutButtonTextWrap: true,
            },
          },
          container,
        );
        // Web Chat mounts asynchronously; put the cursor where the paste goes.
        var tries = 0;
        (function waitForSendBox() {
          if (!focusSendBox() && tries++ < 50) setTimeout(waitForSendBox, 100);
        })();
      })
      .catch(function (error) {
        showStatus(text.failed + (error && error.message ? error.message : String(error)), true);
      });
  }

  if (embedded) {
    // The widget's host page cannot see keys pressed inside this iframe: tell it when Escape should close the panel.
    // Inside a card or Web Chat's keyboard help, Escape belongs to Web Chat (it leaves the card or the help).
    window.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || event.defaultPrevented || window.parent === window) return;
      var target = event.target;
      if (target && target.closest && target.closest('.webchat__basic-transcript__activity, .webchat__keyboard-help')) return;
      window.parent.postMessage({ type: 'pastefix:close' }, '*');
    });
    window.addEventListener('message', function (event) {
      if (event.source === window.parent && event.data && event.data.type === 'pastefix:focus') focusSendBox();
    });
  }

  start();
})();
