// CareRelay's additions to Tasklist, for partner staff in a busy shift:
// - dates are typed and shown day first (the partnership's locale), a typed date that is not a
//   real day/month/year is refused on the spot, every date is read back in words, and the date
//   picker's weeks start on Monday;
// - a case started from Tasklist shows its case reference at once, with a link to "Cases we referred";
// - for screen readers: the page title names the open task, radio groups are announced as groups
//   with their question, required fields say so, and server messages are announced;
// - no translation key is ever left on the page in place of words;
// - a form the server refuses shows each refused field's message under that field, and the first
//   refused field is scrolled to and focused (the toast at the top only sums them up).
(() => {
  const LOCALE = 'en-GB';
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];

  // form-js derives its date format from the browser's default locale (en-US: month first), so a
  // typed 14/03/1941 was read as the 14th month. The partnership's locale decides instead.
  const NativeDateTimeFormat = Intl.DateTimeFormat;
  const PartnershipDateTimeFormat = function (locales, options) {
    const chosen = locales === undefined || locales === 'default' ? LOCALE : locales;
    return new NativeDateTimeFormat(chosen, options);
  };
  PartnershipDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
  PartnershipDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
  Intl.DateTimeFormat = PartnershipDateTimeFormat;

  const TYPED_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;

  const isDateInput = (element) => element instanceof HTMLInputElement && element._flatpickr
    && !element._flatpickr.config.noCalendar;

  const realDate = (day, month, year) => {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  };

  const readBack = (input, text, isError) => {
    const group = input.closest('.fjs-input-group') || input;
    let note = group.parentElement.querySelector(':scope > .carerelay-date-read');
    if (!note) {
      note = document.createElement('div');
      note.className = 'carerelay-date-read';
      note.setAttribute('aria-live', 'polite');
      note.id = (input.id || 'date') + '-read';
      group.insertAdjacentElement('afterend', note);
      input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + note.id).trim());
    }
    note.textContent = text;
    note.classList.toggle('carerelay-date-error', !!isError);
  };

  // Before flatpickr reads what was typed: refuse a day or month that cannot be.
  const checkTyped = (event) => {
    const input = event.target;
    if (!isDateInput(input)) {
      return;
    }
    const typed = TYPED_DATE.exec(input.value);
    if (typed && !realDate(Number(typed[1]), Number(typed[2]), Number(typed[3]))) {
      const wrong = input.value.trim();
      input.value = '';
      input._flatpickr.clear();
      readBack(input, `"${wrong}" is not a date: type the day, then the month, then the year, such as 14/03/1941.`,
        true);
    }
  };
  document.addEventListener('blur', checkTyped, true);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      checkTyped(event);
    }
  }, true);

  // After flatpickr has read it: say which day it understood, in words.
  const showRead = (event) => {
    const input = event.target;
    if (!isDateInput(input)) {
      return;
    }
    setTimeout(() => {
      const date = input._flatpickr.selectedDates[0];
      if (date) {
        readBack(input, `Read as ${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`, false);
      }
    }, 0);
  };
  document.addEventListener('change', showRead, true);

  // In the partnership's calendar a week starts on Monday. form-js makes its date pickers anew as
  // fields render, so every page change is checked (from the observer below).
  const mondayFirst = () => {
    document.querySelectorAll('.fjs-container input').forEach((input) => {
      if (isDateInput(input) && input._flatpickr.l10n.firstDayOfWeek !== 1) {
        input._flatpickr.set('locale', {firstDayOfWeek: 1});
      }
    });
  };
  document.addEventListener('blur', showRead, true);

  // The case reference, as soon as a case starts: the start call returns the business key.
  const announceStart = (businessKey) => {
    let banner = document.querySelector('.carerelay-started');
    if (!banner) {
      banner = document.createElement('div');
      banner.className = 'carerelay-started';
      banner.setAttribute('role', 'status');
      document.body.insertAdjacentElement('afterbegin', banner);
    }
    banner.innerHTML = '';
    const text = document.createElement('span');
    text.textContent = `Case ${businessKey} has started. Partners are asked now; you will be told as they answer. `;
    const link = document.createElement('a');
    link.href = '/cases';
    link.textContent = 'Follow it in Cases we referred';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'carerelay-started-close';
    close.setAttribute('aria-label', 'Close');
    close.textContent = '×';
    close.addEventListener('click', () => banner.remove());
    banner.append(text, link, close);
  };
  // A refusal from the server (CareRelay's problem answer names each field and its label), shown
  // where the person has to correct it rather than only at the top of a long form.
  const labelText = (label) => Array.from(label.childNodes)
    .filter((node) => !(node.classList && node.classList.contains('fjs-asterix')))
    .map((node) => node.textContent).join('').trim();

  const fieldLabelled = (text) => Array.from(document.querySelectorAll('.fjs-form-field label'))
    .filter((label) => labelText(label) === text)
    .map((label) => label.closest('.fjs-form-field'))[0];

  const clearRefusal = (field) => {
    field.querySelectorAll(':scope > .carerelay-field-error').forEach((note) => note.remove());
    field.classList.remove('carerelay-field-refused');
    field.querySelectorAll('[aria-invalid="true"]').forEach((input) => input.removeAttribute('aria-invalid'));
  };

  let refusals = 0;
  const showRefusals = (errors) => {
    document.querySelectorAll('.carerelay-field-refused').forEach(clearRefusal);
    const refused = errors.map((error) => {
      const field = error.label && fieldLabelled(error.label);
      if (!field) {
        return null;
      }
      const note = document.createElement('div');
      note.className = 'carerelay-field-error';
      note.id = `carerelay-refusal-${++refusals}`;
      note.textContent = error.message.charAt(0).toUpperCase() + error.message.slice(1);
      field.append(note);
      field.classList.add('carerelay-field-refused');
      field.querySelectorAll('input, textarea, select').forEach((input) => {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + note.id).trim());
      });
      field.addEventListener('input', () => clearRefusal(field), {once: true});
      return field;
    }).filter(Boolean);
    if (refused.length) {
      refused[0].scrollIntoView({block: 'center'});
      const input = refused[0].querySelector('input:not([type=hidden]), textarea, select');
      if (input) {
        input.focus({preventScroll: true});
        if (isDateInput(input)) {
          input._flatpickr.close(); // an open date picker would cover the message
        }
      }
    }
  };

  const nativeOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const submitted = method === 'POST' && /\/submit-form$/.test(String(url));
    if (submitted) {
      this.addEventListener('load', () => {
        let answer;
        try {
          answer = JSON.parse(this.responseText);
        } catch (ignored) {
          return; // no answer worth showing
        }
        if (this.status < 300 && answer && answer.businessKey && /\/process-definition\//.test(String(url))) {
          announceStart(answer.businessKey);
        }
        if (this.status === 400 && answer && Array.isArray(answer.errors)) {
          setTimeout(() => showRefusals(answer.errors), 0);
        }
      });
    }
    return nativeOpen.call(this, method, url, ...rest);
  };

  // Camunda Forms and Tasklist, announced properly.
  let groups = 0;
  const announce = () => {
    document.querySelectorAll('.fjs-form-field-radio:not([role]), .fjs-form-field-checklist:not([role])')
      .forEach((field) => {
        const label = field.querySelector('.fjs-form-field-label');
        field.setAttribute('role', field.classList.contains('fjs-form-field-radio') ? 'radiogroup' : 'group');
        if (label) {
          label.id = label.id || `carerelay-question-${++groups}`;
          field.setAttribute('aria-labelledby', label.id);
        }
        if (field.querySelector('.fjs-asterix')) {
          field.setAttribute('aria-required', 'true');
        }
      });
    document.querySelectorAll('.fjs-form-field').forEach((field) => {
      if (field.querySelector('.fjs-form-field-label .fjs-asterix')) {
        field.querySelectorAll('input:not([type=radio]):not([type=checkbox]):not([aria-required]), textarea:not([aria-required])')
          .forEach((input) => input.setAttribute('aria-required', 'true'));
      }
    });
    const notifications = document.querySelector('.page-notifications:not([aria-live])');
    if (notifications) {
      notifications.setAttribute('aria-live', 'assertive');
    }
    const open = document.querySelector('.names h2.task');
    const title = open && open.textContent.trim() ? `${open.textContent.trim()} — Tasklist` : 'Tasklist — CareRelay';
    if (document.title !== title) {
      document.title = title;
    }
  };
  // Tasklist's search box and sorting can render before its translations have loaded, and then
  // show their keys (CREATION_DATE, SEARCH_PLACEHOLDER) for good. Any key left on the page is put
  // in words from Tasklist's own English labels.
  const TRANSLATION_KEY = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
  let labels = null;
  const putKeysInWords = () => {
    if (!labels) {
      return;
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const key = walker.currentNode.nodeValue.trim();
      if (TRANSLATION_KEY.test(key) && labels[key]) {
        walker.currentNode.nodeValue = labels[key];
      }
    }
    document.querySelectorAll('[placeholder], [title], [aria-label]').forEach((element) => {
      ['placeholder', 'title', 'aria-label'].forEach((name) => {
        const key = element.getAttribute(name);
        if (key && TRANSLATION_KEY.test(key) && labels[key]) {
          element.setAttribute(name, labels[key]);
        }
      });
    });
  };
  fetch('/camunda/app/tasklist/locales/en.json', {credentials: 'same-origin'})
    .then((response) => (response.ok ? response.text() : '{}'))
    .then((text) => {
      labels = (JSON.parse(text.replace(/^\uFEFF/, '')).labels) || {};
      putKeysInWords();
    })
    .catch(() => {});
  let wordsPending = false;
  const putKeysInWordsSoon = () => {
    if (!wordsPending) {
      wordsPending = true;
      setTimeout(() => {
        wordsPending = false;
        putKeysInWords();
      }, 100);
    }
  };

  new MutationObserver(() => {
    announce();
    mondayFirst();
    putKeysInWordsSoon();
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
