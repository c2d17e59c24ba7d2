/*
 * CareRelay's designers' page: the deployed models and their versions, a version's diagram
 * (bpmn-js) or decision table (dmn-js); changing a diagram (bpmn-js modeler with the Camunda 7
 * properties panel, bundled at build time) or a table, checking it, seeing what changed against the
 * running version and deploying it; a dry run and the move of running cases onto the new version;
 * and the model checker for files. Text is always set as text.
 */
(function () {
  'use strict';

  var viewers = {};
  /** The model open for changes (a decision table, or a diagram after "Change this version"). */
  var opened = null;
  /** The version shown: its model, version and XML. */
  var shown = null;
  /** The pathway whose running cases the migration section is about, and its dry run's movable cases. */
  var migrating = null;

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

  function clearViewers(canvas) {
    Object.keys(viewers).forEach(function (kind) { viewers[kind].destroy(); delete viewers[kind]; });
    canvas.textContent = '';
    var properties = document.getElementById('properties');
    properties.textContent = '';
    properties.hidden = true;
  }

  function open(model, version) {
    var section = document.getElementById('viewer');
    var canvas = document.getElementById('viewer-canvas');
    document.getElementById('viewer-title').textContent = model.name + ', version ' + version.version;
    section.hidden = false;
    opened = null;
    shown = null;
    document.getElementById('model-actions').hidden = model.kind !== 'decision';
    document.getElementById('process-actions').hidden = model.kind !== 'process';
    document.getElementById('model-result').textContent = '';
    document.body.removeAttribute('data-shown');
    document.body.removeAttribute('data-editing');
    showMigration(model);
    fetch('/api/models/' + model.kind + '/' + encodeURIComponent(version.id), {credentials: 'same-origin'})
      .then(function (answer) { return answer.text(); })
      .then(function (xml) {
        clearViewers(canvas);
        shown = {model: model, version: version, xml: xml};
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

  /** Posts JSON to /api/models/{path}; the answer's JSON, or its problems as an error. */
  function postJson(path, body) {
    var headers = {'Content-Type': 'application/json', Accept: 'application/json'};
    headers[document.querySelector('meta[name=_csrf_header]').content] =
      document.querySelector('meta[name=_csrf]').content;
    return fetch('/api/models/' + path, {method: 'POST', credentials: 'same-origin', headers: headers,
      body: JSON.stringify(body)}).then(function (answer) {
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

  /** Posts models to /api/models/{action}. */
  function post(action, resources) {
    return postJson(action, {resources: resources});
  }


  /** The diagram element a problem names, when the diagram is open for changes. */
  function elementOf(problem) {
    if (!viewers.process || !viewers.process.get('elementRegistry', false)) {
      return null;
    }
    var registry = viewers.process.get('elementRegistry');
    return registry.get(problem.field) || null;
  }

  function showProblems(result, problems) {
    result.textContent = '';
    result.appendChild(el('p', {className: 'error', text: problems.length + ' problem(s) to mend before deploying:'}));
    result.appendChild(el('ul', {className: 'problems'}, problems.map(function (problem) {
      var parts = [el('strong', {text: problem.field}), el('span', {text: ' (' + problem.label + '): '
        + problem.message + ' '})];
      var element = elementOf(problem);
      if (element) {
        var select = el('button', {type: 'button', className: 'secondary small', text: 'Show ' + problem.field});
        select.addEventListener('click', function () {
          viewers.process.get('canvas').scrollToElement(element);
          viewers.process.get('selection').select(element);
          document.getElementById('properties').scrollIntoView({block: 'nearest'});
        });
        parts.push(select);
      }
      return el('li', {}, parts);
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

  /** Opens the shown diagram in the modeler, with the Camunda 7 properties panel beside it. */
  function editProcess() {
    if (!shown || shown.model.kind !== 'process') {
      return;
    }
    var canvas = document.getElementById('viewer-canvas');
    clearViewers(canvas);
    var properties = document.getElementById('properties');
    properties.hidden = false;
    viewers.process = window.CareRelayModeler(canvas, properties);
    opened = {model: shown.model, version: shown.version};
    document.getElementById('process-actions').hidden = true;
    document.getElementById('model-actions').hidden = false;
    document.getElementById('viewer-title').textContent = 'Changing ' + shown.model.name + ' (from version '
      + shown.version.version + ')';
    viewers.process.importXML(shown.xml).then(function () {
      viewers.process.get('canvas').zoom('fit-viewport');
      document.body.setAttribute('data-editing', shown.model.key);
    }).catch(function (error) { failed(canvas, 'This version could not be opened: ' + error.message); });
  }

  /** The open model as its resource, with the changes made in the page. */
  function modelResource() {
    var editor = opened.model.kind === 'process' ? viewers.process : viewers.decision;
    return editor.saveXML({format: true}).then(function (saved) {
      return [{name: opened.version.resource, content: saved.xml}];
    });
  }

  function checkModel() {
    var result = document.getElementById('model-result');
    modelResource().then(function (resources) { return post('validate', resources); })
      .then(function (answer) { showCheck(result, answer); })
      .catch(function (error) { failed(result, error.message); });
  }

  var CHANGE_WORDS = {added: 'Added', removed: 'Removed', changed: 'Changed'};

  function showChanges() {
    var result = document.getElementById('model-result');
    modelResource().then(function (resources) { return post('changes', resources); })
      .then(function (answer) {
        result.textContent = '';
        result.appendChild(el('p', {text: answer.changes.length
          ? answer.changes.length + ' change(s) against ' + answer.comparedWith.join('; ') + ', which runs now:'
          : 'Nothing changed against ' + answer.comparedWith.join('; ') + '.'}));
        if (!answer.changes.length) {
          return;
        }
        result.appendChild(el('table', {className: 'report changes'}, [
          el('thead', {}, [el('tr', {}, ['Change', 'Element', 'Was', 'Becomes'].map(function (heading) {
            return el('th', {scope: 'col', text: heading});
          }))]),
          el('tbody', {}, answer.changes.map(function (change) {
            return el('tr', {className: 'change-' + change.change}, [
              el('td', {'data-label': 'Change', text: CHANGE_WORDS[change.change] || change.change}),
              el('td', {'data-label': 'Element', text: (change.name ? change.name + ' ' : '') + '(' + change.kind
                + ' ' + change.element + ')'}),
              el('td', {'data-label': 'Was', className: 'words', text: change.before}),
              el('td', {'data-label': 'Becomes', className: 'words', text: change.after})
            ]);
          }))
        ]));
      })
      .catch(function (error) { failed(result, error.message); });
  }

  function deployModel() {
    var result = document.getElementById('model-result');
    modelResource().then(function (resources) { return post('deploy', resources); })
      .then(function (deployed) {
        if (deployed.versions.length) {
          document.getElementById('viewer-title').textContent = opened.model.name + ', version '
            + deployed.versions[0].version;
        }
        result.textContent = '';
        result.appendChild(el('p', {className: 'notice', text: 'Deployed by ' + deployed.deployedBy + ' on '
          + deployed.deployed + ': ' + deployed.versions.map(function (v) { return v.name + ', version ' + v.version; })
          .join('; ') + '. New cases use it; running ones keep theirs until you move them below.'}));
        if (opened.model.kind === 'process') {
          showMigration(opened.model);
        }
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

  // Running cases ------------------------------------------------------------------------------

  function showMigration(model) {
    var section = document.getElementById('migration');
    section.hidden = model.kind !== 'process';
    migrating = model.kind === 'process' ? {model: model, movable: []} : null;
    document.getElementById('migration-title').textContent = 'Running cases of ' + model.name;
    document.getElementById('migration-result').textContent = '';
    document.getElementById('migration-move').disabled = true;
  }

  function migrationPost(path, body) {
    return postJson(encodeURIComponent(migrating.model.key) + path, body);
  }

  function dryRun() {
    var result = document.getElementById('migration-result');
    var move = document.getElementById('migration-move');
    move.disabled = true;
    migrationPost('/migrations/dry-run', {}).then(function (answer) {
      result.textContent = '';
      if (!answer.cases.length) {
        result.appendChild(el('p', {className: 'notice', text: 'Every running case is on version ' + answer.toVersion
          + ' already.'}));
        return;
      }
      result.appendChild(el('p', {text: answer.cases.length + ' running case(s) on older versions; moving to version '
        + answer.toVersion + ':'}));
      result.appendChild(el('table', {className: 'report migration'}, [
        el('thead', {}, [el('tr', {}, ['Move', 'Case', 'Version now', 'Can it move?', 'Timers (keep their due time)']
          .map(function (heading) { return el('th', {scope: 'col', text: heading}); }))]),
        el('tbody', {}, answer.cases.map(function (candidate) {
          var choose = el('input', {type: 'checkbox', value: candidate.caseId,
            'aria-label': 'Move ' + candidate.reference});
          choose.checked = candidate.canMove;
          choose.disabled = !candidate.canMove;
          return el('tr', {}, [
            el('td', {'data-label': 'Move'}, [choose]),
            el('td', {'data-label': 'Case', text: candidate.reference}),
            el('td', {'data-label': 'Version now', text: 'Version ' + candidate.fromVersion}),
            el('td', {'data-label': 'Can it move?', className: 'words', text: candidate.canMove ? 'Yes'
              : 'No: ' + candidate.reasons.join('; ')}),
            el('td', {'data-label': 'Timers', text: candidate.timers.map(function (timer) {
              return timer.activityId + ' due ' + timer.due;
            }).join('; ')})
          ]);
        }))
      ]));
      move.disabled = !answer.cases.some(function (candidate) { return candidate.canMove; });
    }).catch(function (error) { failed(result, error.message); });
  }

  function moveChosen() {
    var result = document.getElementById('migration-result');
    var chosen = Array.prototype.slice.call(result.querySelectorAll('input[type=checkbox]:checked'))
      .map(function (box) { return box.value; });
    if (!chosen.length) {
      failed(result, 'Choose the cases to move first.');
      return;
    }
    migrationPost('/migrations', {caseIds: chosen}).then(function (moved) {
      result.textContent = '';
      result.appendChild(el('p', {className: 'notice', text: moved.cases + ' case(s) moved to version '
        + moved.toVersion + ' by ' + moved.by + ' on ' + moved.at + '.'}));
      document.getElementById('migration-move').disabled = true;
    }).catch(function (error) { failed(result, error.message); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('check').addEventListener('click', check);
    document.getElementById('process-edit').addEventListener('click', editProcess);
    document.getElementById('model-check').addEventListener('click', checkModel);
    document.getElementById('model-changes').addEventListener('click', showChanges);
    document.getElementById('model-deploy').addEventListener('click', deployModel);
    document.getElementById('migration-dry-run').addEventListener('click', dryRun);
    document.getElementById('migration-move').addEventListener('click', moveChosen);
    models();
  });
}());
