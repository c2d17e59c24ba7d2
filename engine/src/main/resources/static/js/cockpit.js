/*
 * CareRelay's managers' page: each view reads its /api/reports/... answer and draws it. Text is
 * always set as text (never as HTML): names and reasons come from people.
 */
(function () {
  'use strict';

  var partnership = document.body.getAttribute('data-partnership') === 'true';
  var charts = {};
  var viewer = null;

  var el = window.CareRelayPages.el;

  function show(value) {
    return value === null || value === undefined || value === '' ? '–' : String(value);
  }

  /** A table of rows; each column: [heading, function(row) giving text or a node]. */
  function table(container, columns, rows, empty) {
    container.textContent = '';
    if (!rows.length) {
      container.appendChild(el('p', {className: 'empty', text: empty}));
      return;
    }
    var head = el('tr', {}, columns.map(function (column) { return el('th', {scope: 'col', text: column[0]}); }));
    var body = rows.map(function (row) {
      return el('tr', {}, columns.map(function (column) {
        var value = column[1](row);
        var cell = el('td', {'data-label': column[0]});
        cell.appendChild(value instanceof Node ? value : document.createTextNode(show(value)));
        return cell;
      }));
    });
    container.appendChild(el('table', {className: 'report'}, [el('thead', {}, [head]), el('tbody', {}, body)]));
  }

  function fetchJson(url) {
    return fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'}).then(function (answer) {
      if (!answer.ok) {
        return answer.json().catch(function () { return {}; }).then(function (problem) {
          throw new Error(problem.detail || problem.message || ('The report could not be read (' + answer.status + ')'));
        });
      }
      return answer.json();
    });
  }

  function period() {
    var parts = document.getElementById('period').value.split('/');
    return 'from=' + parts[0] + '&to=' + parts[1];
  }

  function failed(container) {
    return function (error) {
      container.textContent = '';
      container.appendChild(el('p', {className: 'error', text: error.message}));
    };
  }

  function minutesText(minutes) {
    if (minutes === null || minutes === undefined) {
      return '';
    }
    var late = minutes < 0;
    var left = Math.abs(minutes);
    var text = left >= 1440 ? Math.floor(left / 1440) + ' d ' + Math.floor(left % 1440 / 60) + ' h'
      : left >= 60 ? Math.floor(left / 60) + ' h ' + (left % 60) + ' min' : left + ' min';
    return late ? text + ' late' : 'in ' + text;
  }

  function caseLink(caseId, reference) {
    var link = el('a', {href: '/cases/' + encodeURIComponent(caseId), className: 'case-link', text: reference || caseId});
    link.addEventListener('click', function (event) {
      event.preventDefault();
      openTimeline(caseId, reference);
    });
    return link;
  }

  function badge(status) {
    var words = {'on-time': 'On time', 'at-risk': 'At risk', 'breached': 'Breached'};
    return el('span', {className: 'badge ' + status, text: words[status] || status});
  }

  // Live cases ---------------------------------------------------------------------------------

  function live() {
    var form = document.getElementById('live-filters');
    var query = Array.prototype.filter.call(form.elements, function (field) { return field.value; })
      .map(function (field) { return field.name + '=' + encodeURIComponent(field.value); }).join('&');
    var container = document.getElementById('live-table');
    return fetchJson('/api/reports/live' + (query ? '?' + query : '')).then(function (answer) {
      var counts = answer.requestsByStatus || {};
      document.getElementById('live-summary').textContent = 'As of ' + answer.asOf + ': '
        + (counts.breached || 0) + ' breached, ' + (counts['at-risk'] || 0) + ' at risk, '
        + (counts['on-time'] || 0) + ' on time.';
      var rows = [];
      answer.cases.forEach(function (c) {
        c.handoffs.forEach(function (h) { rows.push({c: c, h: h}); });
      });
      table(container, [
        ['Case', function (r) { return caseLink(r.c.caseId, r.c.reference); }],
        ['Pathway', function (r) {
          return r.c.pathway + (r.c.target ? ' (target ' + r.c.target + ', ' + minutesText(r.c.minutesToTarget) + ')' : '');
        }],
        ['Request', function (r) { return r.h.serviceName; }],
        ['Partner', function (r) { return r.h.partnerName; }],
        ['Stage', function (r) { return r.h.stage === 'respond' ? 'Waiting for an answer' : 'Accepted, being done'; }],
        ['Since', function (r) { return r.h.sinceShown; }],
        ['Due', function (r) { return r.h.due ? r.h.due + ' (' + minutesText(r.h.minutesToDue) + ')' : ''; }],
        ['Status', function (r) { return badge(r.h.status); }]
      ], rows, 'No request is open with a partner that matches these filters.');
    }).catch(failed(container));
  }

  // Breaches -----------------------------------------------------------------------------------

  function breaches() {
    var open = document.getElementById('breaches-open');
    return fetchJson('/api/reports/breaches?' + period()).then(function (answer) {
      table(open, [
        ['Case', function (b) { return caseLink(b.caseId, b.reference); }],
        ['Request', function (b) { return b.serviceName; }],
        ['Partner', function (b) { return b.partnerName; }],
        ['Stage', function (b) { return b.stage === 'respond' ? 'Answer' : 'Completion'; }],
        ['Level', function (b) { return el('span', {className: 'badge level-' + b.level, text: 'Level ' + b.level}); }],
        ['Raised', function (b) { return b.raised; }],
        ['Open for', function (b) { return minutesText(b.openMinutes).replace('in ', ''); }]
      ], answer.open, 'No escalation is open.');
      table(document.getElementById('breaches-partners'), [
        ['Partner', function (p) { return p.partnerName; }],
        ['Level 1', function (p) { return p.byLevel['1'] || 0; }],
        ['Level 2', function (p) { return p.byLevel['2'] || 0; }],
        ['Level 3', function (p) { return p.byLevel['3'] || 0; }],
        ['All', function (p) { return p.total; }]
      ], answer.byPartner, 'No partner has an open escalation.');
      var columns = [['Week of', function (w) { return w.weekOf; }]];
      answer.targets.forEach(function (target) {
        columns.push([target, function (w) { return w.missed[target]; }]);
      });
      table(document.getElementById('breaches-weeks'), columns, answer.targetsMissed, 'No weeks in the period.');
    }).catch(failed(open));
  }

  // Targets ------------------------------------------------------------------------------------

  function figure(label, value) {
    return el('div', {className: 'figure'}, [el('strong', {text: show(value)}), el('span', {text: label})]);
  }

  function targets() {
    var figures = document.getElementById('discharge-figures');
    return fetchJson('/api/reports/targets?' + period()).then(function (answer) {
      var rd = answer.rapidDischarge;
      var weeks = rd.weeks;
      var lastWeek = weeks.length > 1 ? weeks[weeks.length - 2] : weeks[weeks.length - 1];
      figures.textContent = '';
      figures.appendChild(figure('home within target last full week (week of ' + lastWeek.weekOf + ')',
        lastWeek.sharePercent === null ? null : lastWeek.sharePercent + ' %'));
      figures.appendChild(figure('home within target over the period', rd.sharePercent === null ? null : rd.sharePercent + ' %'));
      figures.appendChild(figure('median from decision to discharge', rd.medianDecisionToDischarge));
      figures.appendChild(figure('decisions to discharge', rd.decisions));
      table(document.getElementById('discharge-weeks'), [
        ['Week of', function (w) { return w.weekOf; }],
        ['Decisions', function (w) { return w.decisions; }],
        ['Home within target', function (w) { return w.withinTarget; }],
        ['Home late', function (w) { return w.late; }],
        ['Not home, target passed', function (w) { return w.notYetHome; }],
        ['Within target', function (w) { return w.sharePercent === null ? '' : w.sharePercent + ' %'; }]
      ], weeks, 'No weeks in the period.');
      table(document.getElementById('discharge-held-up'), [
        ['Waiting for', function (h) { return h.service; }],
        ['Late discharges', function (h) { return h.cases; }]
      ], rd.heldUpBy, 'No discharge missed its target in the period.');
      chart('discharge-chart', 'bar', weeks.map(function (w) { return w.weekOf; }), [{
        label: 'Home within target (%)',
        data: weeks.map(function (w) { return w.sharePercent; }),
        backgroundColor: '#007f3b'
      }], {y: {min: 0, max: 100}});
      var ha = answer.hospiceAdmission;
      var hospice = document.getElementById('hospice-figures');
      hospice.textContent = '';
      hospice.appendChild(figure('median from referral to triage decision', ha.medianToTriage));
      hospice.appendChild(figure('median from referral to admission', ha.medianToAdmission));
      hospice.appendChild(figure('waiting for a bed now', ha.waitingListNow));
      hospice.appendChild(figure('referrals', ha.referrals));
      table(document.getElementById('hospice-weeks'), [
        ['Week of', function (w) { return w.weekOf; }],
        ['Referrals', function (w) { return w.referrals; }],
        ['Triaged', function (w) { return w.triaged; }],
        ['Admitted', function (w) { return w.admitted; }],
        ['Median to triage', function (w) { return minutesText(w.medianToTriageMinutes).replace('in ', ''); }],
        ['Median to admission', function (w) { return minutesText(w.medianToAdmissionMinutes).replace('in ', ''); }]
      ], ha.weeks, 'No weeks in the period.');
      var ad = answer.afterDeath;
      var afterDeath = document.getElementById('after-death-figures');
      afterDeath.textContent = '';
      afterDeath.appendChild(figure('deaths recorded', ad.deaths));
      afterDeath.appendChild(figure('median from death to every team told', ad.medianToEveryoneTold));
      afterDeath.appendChild(figure('median from death to equipment collected', ad.medianToEquipmentCollected));
      afterDeath.appendChild(figure('median from death to bereavement contact', ad.medianToBereavementContact));
      afterDeath.appendChild(figure('families contacted of those due',
        ad.contactSharePercent === null ? null : ad.contactsMade + ' of ' + ad.contactsDue + ' (' + ad.contactSharePercent + ' %)'));
    }).catch(failed(figures));
  }

  function chart(id, type, labels, datasets, scales) {
    if (!window.Chart) {
      return;
    }
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new window.Chart(document.getElementById(id), {
      type: type,
      data: {labels: labels, datasets: datasets},
      options: {animation: false, maintainAspectRatio: false, scales: scales || {}}
    });
  }

  // Heatmap ------------------------------------------------------------------------------------

  function heatmap() {
    var pathway = document.getElementById('heatmap-pathway').value;
    var container = document.getElementById('heatmap-table');
    var query = 'pathway=' + encodeURIComponent(pathway) + '&' + period();
    return Promise.all([
      fetch('/api/reports/heatmap/diagram?pathway=' + encodeURIComponent(pathway), {credentials: 'same-origin'})
        .then(function (answer) { return answer.text(); }),
      fetchJson('/api/reports/heatmap?' + query)
    ]).then(function (results) {
      var report = results[1];
      if (!viewer) {
        viewer = new window.BpmnJS({container: '#heatmap-diagram'});
      }
      return viewer.importXML(results[0]).then(function () {
        paint(report);
        table(container, [
          ['Step', function (a) { return a.name; }],
          ['Cases there now', function (a) { return a.now; }],
          ['Ended in the period', function (a) { return a.finished; }],
          ['Median time there', function (a) { return a.median; }],
          ['90th percentile', function (a) { return a.p90; }]
        ], report.activities.filter(function (a) { return a.name && (a.now || a.medianMinutes); }),
          'No case has waited at any step of this pathway in the period.');
      });
    }).catch(failed(container));
  }

  function paint(report) {
    var canvas = viewer.get('canvas');
    var overlays = viewer.get('overlays');
    var registry = viewer.get('elementRegistry');
    // A sub-process holds the steps inside it: coloured by its own time it would hide them.
    var steps = report.activities.filter(function (a) { return a.type !== 'subProcess'; });
    var longest = steps.reduce(function (max, a) { return Math.max(max, a.medianMinutes || 0); }, 0);
    report.activities.forEach(function (a) {
      var shape = registry.get(a.activityId);
      if (!shape || shape.type === 'bpmn:Process' || shape.waypoints) {
        return;
      }
      var level = a.medianMinutes === null ? 0 : longest === 0 ? 1 : Math.max(1, Math.ceil(5 * a.medianMinutes / longest));
      if (!a.now && !a.medianMinutes) {
        return; // passed through at once: nothing waits here
      }
      if (a.type !== 'subProcess') {
        canvas.addMarker(a.activityId, 'heat-' + level);
      }
      var words = [];
      if (a.now) {
        words.push(a.now + ' now');
      }
      if (a.medianMinutes) {
        words.push(a.median);
      }
      if (words.length) {
        overlays.add(a.activityId, {
          position: {bottom: 4, left: 0},
          html: el('div', {className: 'heat-count', title: (a.name || '') + ': ' + (a.now ? a.now + ' now; ' : '')
            + 'median ' + show(a.median) + ', 90th percentile ' + show(a.p90),
            text: words.join(' · ')})
        });
      }
    });
    canvas.zoom('fit-viewport');
  }

  // Partners -----------------------------------------------------------------------------------

  function breachesOf(row) {
    return Object.keys(row.breachesByLevel || {}).reduce(function (sum, level) { return sum + row.breachesByLevel[level]; }, 0);
  }

  function partners() {
    var container = document.getElementById('partners-ranking');
    return fetchJson('/api/reports/partners?' + period()).then(function (report) {
      var rows = report.rows.slice().sort(function (a, b) {
        return breachesOf(b) - breachesOf(a) || b.movedOn - a.movedOn || b.declined - a.declined;
      });
      table(container, [
        ['Organisation', function (r) { return r.organisationName; }],
        ['Service', function (r) { return r.serviceName; }],
        ['Offered', function (r) { return r.offered; }],
        ['Accepted', function (r) { return r.accepted; }],
        ['Declined', function (r) {
          var reasons = Object.keys(r.declinedByReason || {}).map(function (k) { return k + ': ' + r.declinedByReason[k]; });
          return r.declined + (r.offered ? ' (' + Math.round(100 * r.declined / r.offered) + ' %)' : '')
            + (reasons.length ? ' — ' + reasons.join('; ') : '');
        }],
        ['Moved on', function (r) { return r.movedOn; }],
        ['Median to respond', function (r) { return minutesText(r.respondMedianMinutes).replace('in ', ''); }],
        ['90% respond within', function (r) { return minutesText(r.respond90Minutes).replace('in ', ''); }],
        ['Median to complete', function (r) { return minutesText(r.completeMedianMinutes).replace('in ', ''); }],
        ['Breaches (levels 1/2/3)', function (r) {
          var b = r.breachesByLevel || {};
          return breachesOf(r) + ' (' + (b['1'] || 0) + '/' + (b['2'] || 0) + '/' + (b['3'] || 0) + ')';
        }],
        ['Hours unavailable', function (r) { return Math.round(r.unavailableHours * 10) / 10; }]
      ], rows, 'No requests were offered in the period.');
      var weeks = [];
      var byOrganisation = {};
      report.weeks.forEach(function (w) {
        if (weeks.indexOf(w.week) < 0) {
          weeks.push(w.week);
        }
        byOrganisation[w.organisationName] = byOrganisation[w.organisationName] || {};
        byOrganisation[w.organisationName][w.week] = w.breaches;
      });
      weeks.sort();
      var palette = ['#005eb8', '#da291c', '#007f3b', '#ed8b00', '#330072', '#00a499', '#7c2855', '#425563'];
      var datasets = Object.keys(byOrganisation).filter(function (name) {
        return weeks.some(function (week) { return byOrganisation[name][week]; }) || !partnership;
      }).map(function (name, index) {
        return {label: name, data: weeks.map(function (week) { return byOrganisation[name][week] || 0; }),
          borderColor: palette[index % palette.length], backgroundColor: palette[index % palette.length]};
      });
      chart('partners-chart', 'line', weeks.map(function (week) {
        return new Date(week + 'T12:00:00Z').toLocaleDateString('en-GB', {day: 'numeric', month: 'short'});
      }), datasets, {y: {beginAtZero: true, ticks: {precision: 0}}});
    }).catch(failed(container));
  }

  function downloadCsv() {
    fetch('/api/reports/partners?' + period(), {headers: {Accept: 'text/csv'}, credentials: 'same-origin'})
      .then(function (answer) {
        var name = (answer.headers.get('Content-Disposition') || '').replace(/.*filename="([^"]+)".*/, '$1') || 'partners.csv';
        return answer.blob().then(function (blob) {
          var link = el('a', {href: URL.createObjectURL(blob), download: name});
          document.body.appendChild(link);
          link.click();
          link.remove();
        });
      });
  }

  // Case timeline ------------------------------------------------------------------------------

  function openTimeline(caseId, reference) {
    var panel = document.getElementById('timeline');
    var list = document.getElementById('timeline-events');
    document.getElementById('timeline-title').textContent = 'Case ' + (reference || '') + ': timeline';
    document.getElementById('timeline-page').setAttribute('href', '/cases/' + encodeURIComponent(caseId));
    list.textContent = '';
    panel.hidden = false;
    fetchJson('/api/cases/' + encodeURIComponent(caseId) + '/timeline').then(function (events) {
      events.forEach(function (event) {
        list.appendChild(el('li', {className: 'event ' + event.kind}, [
          el('time', {text: event.when}),
          el('span', {text: event.what + (event.user ? ' (' + event.user + ')' : '')})
        ]));
      });
      panel.scrollIntoView({block: 'start'});
    }).catch(function (error) { list.appendChild(el('li', {className: 'error', text: error.message})); });
  }

  // Views --------------------------------------------------------------------------------------

  var views = {live: live, breaches: breaches, targets: targets, heatmap: heatmap, partners: partners};

  function current() {
    var name = (location.hash || '').replace('#', '');
    return partnership ? (views[name] ? name : 'live') : 'partners';
  }

  function render() {
    var name = current();
    Object.keys(views).forEach(function (view) {
      var section = document.getElementById('view-' + view);
      if (section) {
        section.hidden = view !== name;
      }
    });
    document.querySelectorAll('nav.tabs a').forEach(function (tab) {
      tab.classList.toggle('current', tab.getAttribute('data-view') === name);
      if (tab.getAttribute('data-view') === name) {
        tab.setAttribute('aria-current', 'page');
      } else {
        tab.removeAttribute('aria-current');
      }
    });
    document.getElementById('period').parentNode.hidden = name === 'live';
    document.body.removeAttribute('data-loaded');
    views[name]().then(function () { document.body.setAttribute('data-loaded', name); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    window.addEventListener('hashchange', render);
    document.getElementById('period').addEventListener('change', render);
    var filters = document.getElementById('live-filters');
    if (filters) {
      filters.addEventListener('change', render);
    }
    var pathway = document.getElementById('heatmap-pathway');
    if (pathway) {
      pathway.addEventListener('change', render);
    }
    document.getElementById('partners-csv').addEventListener('click', downloadCsv);
    document.getElementById('timeline-close').addEventListener('click', function () {
      document.getElementById('timeline').hidden = true;
    });
    render();
  });
}());
