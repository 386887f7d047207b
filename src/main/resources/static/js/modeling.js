// The process owners' workbench: shows a model with the vendored bpmn-js / dmn-js bundles (viewer on the model page,
// modeler on an open draft), offers our own small properties panel for what a process owner changes in a process
// (name, due date, candidate groups and users, timer, documentation), and saves the drawing through the draft API
// with the revision it was loaded with, so a save over someone else's is refused (409) and nothing drawn is lost.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? [header.content, token.content] : null;
  }

  function load(url) {
    return fetch(url, {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.text();
    });
  }

  function moddle(box, name) {
    return load(box.dataset.moddle + name).then(JSON.parse);
  }

  function fail() {
    var error = document.getElementById('diagram-error');
    if (error) {
      error.hidden = false;
    }
  }

  function fitBpmn(instance) {
    instance.get('canvas').zoom('fit-viewport');
  }

  // --- our properties panel (processes only) ---

  var CAMUNDA = 'http://camunda.org/schema/1.0/bpmn';

  function timerOf(bo) {
    var def = (bo.eventDefinitions || []).find(function (d) {
      return d.$type === 'bpmn:TimerEventDefinition';
    });
    if (!def) {
      return null;
    }
    return def.timeDate || def.timeDuration || def.timeCycle || null;
  }

  function documentationOf(bo) {
    return bo.documentation && bo.documentation.length ? bo.documentation[0].text || '' : '';
  }

  function panel(modeler, onChange) {
    var form = document.getElementById('properties');
    if (!form) {
      return;
    }
    var fields = {};
    form.querySelectorAll('[data-prop]').forEach(function (input) {
      fields[input.dataset.prop] = input;
    });
    var modeling = modeler.get('modeling');
    var bpmnFactory = modeler.get('bpmnFactory');
    var current = null;

    function show(element) {
      current = element && element.type !== 'label' ? element : null;
      var chosen = document.getElementById('properties-element');
      document.getElementById('properties-fields').hidden = !current;
      document.getElementById('properties-none').hidden = !!current;
      chosen.hidden = !current;
      if (!current) {
        return;
      }
      var bo = element.businessObject;
      chosen.textContent = bo.id;
      var isTask = bo.$type === 'bpmn:UserTask';
      var timer = timerOf(bo);
      fields.name.value = bo.name || '';
      fields.documentation.value = documentationOf(bo);
      fields.dueDate.value = isTask ? (bo.get('camunda:dueDate') || '') : '';
      fields.candidateGroups.value = isTask ? (bo.get('camunda:candidateGroups') || '') : '';
      fields.candidateUsers.value = isTask ? (bo.get('camunda:candidateUsers') || '') : '';
      fields.timer.value = timer ? timer.body || '' : '';
      ['dueDate', 'candidateGroups', 'candidateUsers'].forEach(function (p) {
        fields[p].closest('.utrecht-form-field').hidden = !isTask;
      });
      fields.timer.closest('.utrecht-form-field').hidden = !timer;
    }

    function apply(prop, value) {
      if (!current) {
        return;
      }
      var bo = current.businessObject;
      var props = {};
      if (prop === 'name') {
        props.name = value;
      } else if (prop === 'documentation') {
        props.documentation = value ? [bpmnFactory.create('bpmn:Documentation', {text: value})] : [];
      } else if (prop === 'timer') {
        var timer = timerOf(bo);
        if (timer) {
          modeling.updateModdleProperties(current, timer, {body: value});
          onChange();
        }
        return;
      } else {
        props['camunda:' + prop] = value || undefined;
      }
      modeling.updateProperties(current, props);
      onChange();
    }

    Object.keys(fields).forEach(function (prop) {
      fields[prop].addEventListener('change', function () {
        apply(prop, fields[prop].value);
      });
    });
    modeler.on('selection.changed', function (e) {
      show(e.newSelection.length === 1 ? e.newSelection[0] : null);
    });
  }

  // --- saving ---

  function saver(box, getXml) {
    var button = document.getElementById('save-draft');
    var status = document.getElementById('save-status');
    var revision = parseInt(box.dataset.revision, 10);
    button.disabled = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      getXml().then(function (xml) {
        var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
        var token = csrf();
        if (token) {
          headers[token[0]] = token[1];
        }
        return fetch(box.dataset.save, {
          method: 'POST', credentials: 'same-origin', headers: headers,
          body: JSON.stringify({xml: xml, revision: revision})
        });
      }).then(function (r) {
        if (r.ok) {
          return r.json().then(function (body) {
            revision = body.revision;
            box.dataset.revision = revision;
            document.querySelectorAll('input[name="revisie"]').forEach(function (i) {
              i.value = revision;
            });
            var shown = document.querySelector('[data-revision]:not(#diagram)');
            if (shown && shown.tagName === 'DD') {
              shown.textContent = revision;
            }
            // A decision's test cases ran on the save: say at once whether they still pass.
            status.textContent = box.dataset.msgSaved + (body.tests ? ' ' + body.tests : '');
          });
        }
        // What was drawn stays in the editor: only the message changes.
        return r.json().catch(function () {
          return {};
        }).then(function (body) {
          status.textContent = body.message || (r.status === 409 ? box.dataset.msgStale
            : r.status === 400 ? box.dataset.msgInvalid : box.dataset.msgFailed);
        });
      }).catch(function () {
        status.textContent = box.dataset.msgFailed;
      }).finally(function () {
        button.disabled = false;
      });
    });
  }

  // --- start ---

  /**
   * The elements a broken rule of the model contract names (listed on the page with data-element) are marked on the
   * diagram, so the process owner sees where to look.
   */
  function markViolations(instance) {
    var registry = instance.get('elementRegistry');
    var canvas = instance.get('canvas');
    document.querySelectorAll('[data-contract="broken"] [data-element]').forEach(function (item) {
      var id = item.getAttribute('data-element');
      if (id && registry.get(id)) {
        canvas.addMarker(id, 'bv-violation');
      }
    });
  }

  function bpmn(box, editable, xml) {
    if (!editable) {
      var viewer = new window.BpmnJS({container: box});
      return viewer.importXML(xml).then(function () {
        fitBpmn(viewer);
      });
    }
    return moddle(box, 'camunda-bpmn.json').then(function (camunda) {
      var modeler = new window.BpmnJS({container: box, moddleExtensions: {camunda: camunda}});
      return modeler.importXML(xml).then(function () {
        fitBpmn(modeler);
        markViolations(modeler);
        var status = document.getElementById('save-status');
        panel(modeler, function () {
          status.textContent = '';
        });
        saver(box, function () {
          return modeler.saveXML({format: true}).then(function (r) {
            return r.xml;
          });
        });
      });
    });
  }

  function dmn(box, editable, xml) {
    var start = editable ? moddle(box, 'camunda-dmn.json') : Promise.resolve(null);
    return start.then(function (camunda) {
      var options = {container: box};
      if (camunda) {
        options.moddleExtensions = {camunda: camunda};
      }
      var instance = new window.DmnJS(options);
      return instance.importXML(xml).then(function () {
        var views = instance.getViews();
        var table = views.find(function (v) {
          return v.type === 'decisionTable';
        });
        var opened = table ? instance.open(table) : Promise.resolve();
        // The viewer's table scrolls sideways in its own box: keyboard users reach it by making the box focusable.
        Promise.resolve(opened).then(function () {
          box.querySelectorAll('.tjs-table-container').forEach(function (scroller) {
            scroller.tabIndex = 0;
          });
        });
        if (editable) {
          saver(box, function () {
            return instance.saveXML({format: true}).then(function (r) {
              return r.xml;
            });
          });
        }
      });
    });
  }

  function fileInto(input) {
    var target = document.getElementById(input.dataset.fileInto);
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file) {
        target.value = '';
        return;
      }
      file.text().then(function (text) {
        target.value = text;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-file-into]').forEach(fileInto);
    var box = document.getElementById('diagram');
    if (!box) {
      return;
    }
    var editable = box.dataset.editable === 'true';
    load(box.dataset.xml).then(function (xml) {
      return box.dataset.kind === 'PROCESS' ? bpmn(box, editable, xml) : dmn(box, editable, xml);
    }).catch(fail);
  });
}());
