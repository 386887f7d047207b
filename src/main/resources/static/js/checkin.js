// The check-in on a phone: a check-in filled in while offline is kept on the device (localStorage, nothing else) and
// sent through the page's own form as soon as the phone is back online, with the time it was filled in and the id the
// page made, so a retry never counts twice. Also draws the history's chart (the table beside it holds the same scores).
(function () {
  'use strict';
  var KEY = 'bluevitaal.checkin.pending';

  function pending() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || '[]');
    } catch (e) {
      return [];
    }
  }

  function keep(list) {
    window.localStorage.setItem(KEY, JSON.stringify(list));
  }

  function show(id, href) {
    var element = document.getElementById(id);
    if (element) {
      element.hidden = false;
      var link = document.getElementById('checkin-sent-link');
      if (href && link) {
        link.href = href;
      }
    }
  }

  /**
   * The kept check-in as the page's own form sends it (the signed-in session and its CSRF token; the API takes HTTP
   * Basic only), with the time it was filled in.
   */
  function formBody(item) {
    var body = new URLSearchParams();
    var token = document.querySelector('meta[name="_csrf"]');
    if (token) {
      body.append('_csrf', token.getAttribute('content'));
    }
    body.append('clientId', item.clientId);
    body.append('moment', item.takenAt);
    item.answers.forEach(function (answer, i) {
      if (answer !== null) {
        body.append('antwoord[' + i + ']', String(answer));
      }
    });
    if (item.note) {
      body.append('notitie', item.note);
    }
    return body;
  }

  var sending = false;
  var retryIn = 2000;

  function sendPending(action, resultBase) {
    var list = pending();
    if (sending || list.length === 0 || !navigator.onLine || !action) {
      return;
    }
    sending = true;
    var item = list[0];
    fetch(action, { method: 'POST', credentials: 'same-origin', body: formBody(item), redirect: 'follow' })
      .then(function (response) {
        if (response.ok && response.redirected && response.url.indexOf(resultBase) >= 0) {
          keep(pending().filter(function (p) { return p.clientId !== item.clientId; }));
          show('checkin-sent-later', response.url);
          var saved = document.getElementById('checkin-offline');
          if (saved) {
            saved.hidden = true;
          }
        } else if (response.status === 422) {
          // The server will never take it (too old, a changed questionnaire): keeping it would retry forever.
          keep(pending().filter(function (p) { return p.clientId !== item.clientId; }));
        }
      })
      .then(function () {
        retryIn = 2000;
      }, function () {
        // The 'online' event can come before the connection carries: try again a little later, then less often.
        window.setTimeout(function () { sendPending(action, resultBase); }, retryIn);
        retryIn = Math.min(retryIn * 2, 60000);
      })
      .finally(function () {
        sending = false;
        if (pending().length > 0 && pending()[0].clientId !== item.clientId) {
          sendPending(action, resultBase);
        }
      });
  }

  function answers(form) {
    var values = [];
    var sets = form.querySelectorAll('fieldset.bv-checkin__question');
    for (var i = 0; i < sets.length; i++) {
      var checked = sets[i].querySelector('input[type="radio"]:checked');
      values.push(checked ? parseInt(checked.value, 10) : null);
    }
    return values;
  }

  var form = document.getElementById('checkin-form');
  if (form) {
    var action = form.getAttribute('action');
    var resultBase = form.getAttribute('data-result');
    form.addEventListener('submit', function (event) {
      if (navigator.onLine) {
        return;
      }
      event.preventDefault();
      var given = answers(form);
      var note = form.querySelector('textarea[name="notitie"]');
      var list = pending();
      var clientId = form.querySelector('input[name="clientId"]').value;
      if (!list.some(function (p) { return p.clientId === clientId; })) {
        list.push({
          clientId: clientId,
          instrument: form.getAttribute('data-instrument'),
          answers: given,
          note: note && note.value ? note.value : null,
          takenAt: new Date().toISOString()
        });
        keep(list);
      }
      show('checkin-offline');
      var saved = document.getElementById('checkin-offline');
      if (saved) {
        saved.setAttribute('tabindex', '-1');
        saved.focus();
      }
    });
    window.addEventListener('online', function () { sendPending(action, resultBase); });
    sendPending(action, resultBase);
  }

  var canvas = document.getElementById('checkin-chart');
  if (canvas && window.Chart) {
    var labels = (canvas.getAttribute('data-labels') || '').split('|');
    var values = (canvas.getAttribute('data-values') || '').split(',').map(Number);
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: [{ label: canvas.getAttribute('data-series'), data: values, borderColor: '#14467a',
          backgroundColor: '#14467a', pointRadius: 4, tension: 0 }]
      },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } },
        plugins: { legend: { display: false } } }
    });
  }
}());
