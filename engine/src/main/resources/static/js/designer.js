/*
 * CareRelay's designers' page: the deployed models and their versions, a version's diagram
 * (bpmn-js) or decision table (dmn-js), and the model checker. Text is always set as text.
 */
(function () {
  'use strict';

  var viewers = {};
  /** The decision table open for changes: its model and version (its resource name is reused). */
  var opened = null;

  var el = window.CareRelayPages.el;

  function failed(container, message) {
    container.textContent = '';
    container.appendChild(el('p', {className: 'error', text: message}));
  }

  function models() {
    var container = document.getElementById('models');
    return fetch('/api/models', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error('The models could not be read (' + answer.status + ')');
        }
        return answer.json();
      })
      .then(function (list) {
        var rows = list.map(function (model) {
          var versions = el('td', {'data-label': 'Versions'}, model.versions.map(function (version) {
            var button = el('button', {type: 'button', className: 'secondary version',
              text: 'Version ' + version.version + (version.deployed ? ' (' + version.deployed + ')' : '')});
            button.addEventListener('click', function () { open(model, version); });
            return button;
          }));
          return el('tr', {}, [
            el('td', {'data-label': 'Model', text: model.name}),
            el('td', {'data-label': 'Kind', text: model.kind === 'process' ? 'Pathway or block (BPMN)' : 'Decision table (DMN)'}),
            versions
          ]);
        });
        container.textContent = '';
        container.appendChild(el('table', {className: 'report'}, [
          el('thead', {}, [el('tr', {}, ['Model', 'Kind', 'Versions'].map(function (heading) {
            return el('th', {scope: 'col', text: heading});
          }))]),
          el('tbody', {}, rows)
        ]));
      })
      .catch(function (error) { failed(container, error.message); });
  }

  function open(model, version) {
    var section = document.getElementById('viewer');
    var canvas = document.getElementById('viewer-canvas');
    document.getElementById('viewer-title').textContent = model.name + ', version ' + version.version;
    section.hidden = false;
    opened = null;
    document.getElementById('table-actions').hidden = model.kind !== 'decision';
    document.getElementById('table-result').textContent = '';
    document.body.removeAttribute('data-shown');
    fetch('/api/models/' + model.kind + '/' + encodeURIComponent(version.id), {credentials: 'same-origin'})
      .then(function (answer) { return answer.text(); })
      .then(function (xml) {
        Object.keys(viewers).forEach(function (kind) { viewers[kind].destroy(); delete viewers[kind]; });
        canvas.textContent = '';
        // A diagram needs a fixed height to fit into; a table grows with its rules.
        canvas.className = model.kind === 'process' ? 'diagram' : 'decision';
        if (model.kind === 'process') {
          viewers.process = new window.BpmnJS({container: canvas});
          return viewers.process.importXML(xml).then(function () {
            viewers.process.get('canvas').zoom('fit-viewport');
          });
        }
        viewers.decision = new window.DmnJS({container: canvas});
        opened = {model: model, version: version};
        return viewers.decision.importXML(xml).then(function () {
          var table = viewers.decision.getViews().filter(function (view) { return view.type === 'decisionTable'; })[0];
          if (table) {
            return viewers.decision.open(table);
          }
        });
      })
      .then(function () {
        document.body.setAttribute('data-shown', model.key);
        section.scrollIntoView({block: 'start'});
      })
      .catch(function (error) { failed(canvas, 'This version could not be shown: ' + error.message); });
  }

  /** Posts models to /api/models/{action}; the answer's JSON, or its problems as an error. */
  function post(action, resources) {
    var headers = {'Content-Type': 'application/json', Accept: 'application/json'};
    headers[document.querySelector('meta[name=_csrf_header]').content] =
      document.querySelector('meta[name=_csrf]').content;
    return fetch('/api/models/' + action, {method: 'POST', credentials: 'same-origin', headers: headers,
      body: JSON.stringify({resources: resources})}).then(function (answer) {
      return answer.json().then(function (body) {
        if (!answer.ok) {
          var error = new Error(body.detail || ('It failed (' + answer.status + ')'));
          error.problems = body.errors || [];
          throw error;
        }
        return body;
      });
    });
  }

  function showProblems(result, problems) {
    result.textContent = '';
    result.appendChild(el('p', {className: 'error', text: problems.length + ' problem(s) to mend before deploying:'}));
    result.appendChild(el('ul', {className: 'problems'}, problems.map(function (problem) {
      return el('li', {}, [el('strong', {text: problem.field}), el('span', {text: ' (' + problem.label + '): '
        + problem.message})]);
    })));
  }

  function showCheck(result, answer) {
    if (answer.valid) {
      result.textContent = '';
      result.appendChild(el('p', {className: 'notice', text: 'No problems: every check passed.'}));
    } else {
      showProblems(result, answer.problems);
    }
  }

  function check() {
    var files = Array.prototype.slice.call(document.getElementById('check-files').files);
    var result = document.getElementById('check-result');
    if (!files.length) {
      failed(result, 'Choose one or more BPMN, DMN or form files first.');
      return;
    }
    Promise.all(files.map(function (file) {
      return file.text().then(function (content) { return {name: file.name, content: content}; });
    })).then(function (resources) { return post('validate', resources); })
      .then(function (answer) { showCheck(result, answer); })
      .catch(function (error) { failed(result, error.message); });
  }

  /** The open table as its resource, with the changes made in the page. */
  function tableResource() {
    return viewers.decision.saveXML({format: true}).then(function (saved) {
      return [{name: opened.version.resource, content: saved.xml}];
    });
  }

  function checkTable() {
    var result = document.getElementById('table-result');
    tableResource().then(function (resources) { return post('validate', resources); })
      .then(function (answer) { showCheck(result, answer); })
      .catch(function (error) { failed(result, error.message); });
  }

  function deployTable() {
    var result = document.getElementById('table-result');
    tableResource().then(function (resources) { return post('deploy', resources); })
      .then(function (deployed) {
        if (deployed.versions.length) {
          document.getElementById('viewer-title').textContent = opened.model.name + ', version '
            + deployed.versions[0].version;
        }
        result.textContent = '';
        result.appendChild(el('p', {className: 'notice', text: 'Deployed by ' + deployed.deployedBy + ' on '
          + deployed.deployed + ': ' + deployed.versions.map(function (v) { return v.name + ', version ' + v.version; })
          .join('; ') + '. New cases use it; running ones keep theirs.'}));
        return models();
      })
      .catch(function (error) {
        if (error.problems && error.problems.length) {
          showProblems(result, error.problems);
        } else {
          failed(result, error.message);
        }
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('check').addEventListener('click', check);
    document.getElementById('table-check').addEventListener('click', checkTable);
    document.getElementById('table-deploy').addEventListener('click', deployTable);
    models();
  });
}());
