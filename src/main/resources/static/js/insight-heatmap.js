// Bottlenecks on the model: draws the deployed process with the vendored bpmn-js viewer and lays the figures of the
// page's table over its steps (the table is the source: the numbers on the diagram are the gate's, as shown there),
// each step coloured by the chosen measure on a scale that the legend spells out. Without script, the table remains.
(function () {
  'use strict';

  var CLASSES = ['bv-heat-0', 'bv-heat-1', 'bv-heat-2', 'bv-heat-3', 'bv-heat-4', 'bv-heat-hidden'];
  var RANK = {'bv-heat-0': 0, 'bv-heat-hidden': 1, 'bv-heat-1': 2, 'bv-heat-2': 3, 'bv-heat-3': 4, 'bv-heat-4': 5};

  function rows() {
    return Array.prototype.map.call(document.querySelectorAll('#heat-table tbody tr[data-element]'), function (tr) {
      var cells = {};
      tr.querySelectorAll('[data-measure]').forEach(function (td) {
        var value = td.getAttribute('data-value');
        cells[td.getAttribute('data-measure')] = {
          text: td.textContent.trim(),
          value: value === '' || value === null ? null : parseFloat(value),
          hidden: td.getAttribute('data-hidden') === 'true'
        };
      });
      return {id: tr.getAttribute('data-element'), cells: cells};
    });
  }

  /** Class 0 for zero or nothing, 1 to 4 by quarter of the largest value shown, 'hidden' for a hidden number. */
  function heatClass(cell, max) {
    if (!cell || cell.value === null) {
      return cell && cell.hidden ? 'bv-heat-hidden' : 'bv-heat-0';
    }
    if (cell.value <= 0 || max <= 0) {
      return 'bv-heat-0';
    }
    return 'bv-heat-' + Math.min(4, Math.max(1, Math.ceil(4 * cell.value / max)));
  }

  function format(value, measure) {
    if (measure === 'late') {
      return Math.round(value * 100);
    }
    if (measure === 'median') {
      return Math.round(value * 10) / 10;
    }
    return Math.round(value);
  }

  function legend(max, measure) {
    var list = document.getElementById('heat-legend');
    var unit = list.getAttribute('data-unit-' + measure);
    list.textContent = '';
    function item(cls, text) {
      var li = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'bv-heat__swatch ' + cls;
      swatch.setAttribute('aria-hidden', 'true');
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(text));
      list.appendChild(li);
    }
    item('bv-heat-0', list.getAttribute('data-none'));
    if (max > 0) {
      for (var i = 1; i <= 4; i++) {
        var from = format(max * (i - 1) / 4, measure);
        var to = format(max * i / 4, measure);
        item('bv-heat-' + i, '> ' + from + ' – ' + to + ' ' + unit);
      }
    }
    item('bv-heat-hidden', list.getAttribute('data-hidden'));
  }

  function overlayHtml(box, row) {
    var div = document.createElement('div');
    div.className = 'bv-heat-overlay';
    var c = row.cells;
    function line(label, text, strong) {
      var span = document.createElement('div');
      if (strong) {
        var b = document.createElement('b');
        b.textContent = text;
        span.appendChild(b);
        span.appendChild(document.createTextNode(' ' + label));
      } else {
        span.textContent = text + (label ? ' ' + label : '');
      }
      div.appendChild(span);
    }
    line(box.dataset.labelWaiting, c.waiting.text, true);
    line('', c.median.text + ' | ' + c.p90.text, false);
    line(box.dataset.labelLate, c.late.text, false);
    return div;
  }

  function paint(viewer, box, data, measure) {
    var registry = viewer.get('elementRegistry');
    var canvas = viewer.get('canvas');
    var max = 0;
    data.forEach(function (row) {
      var cell = row.cells[measure];
      if (cell && cell.value !== null && cell.value > max) {
        max = cell.value;
      }
    });
    // A collapsed sub-process shows the colour of its hottest step, so the way down to it can be seen from above.
    var collapsed = {};
    data.forEach(function (row) {
      var element = registry.get(row.id);
      if (!element) {
        return;
      }
      var cls = heatClass(row.cells[measure], max);
      mark(canvas, row.id, cls);
      if (row.overlay) {
        row.overlay.className = 'bv-heat-overlay ' + cls;
      }
      for (var bo = element.businessObject.$parent; bo && bo.$type === 'bpmn:SubProcess'; bo = bo.$parent) {
        var shape = registry.get(bo.id);
        if (shape && shape.collapsed && (!collapsed[bo.id] || RANK[cls] > RANK[collapsed[bo.id]])) {
          collapsed[bo.id] = cls;
        }
      }
    });
    Object.keys(collapsed).forEach(function (id) {
      mark(canvas, id, collapsed[id]);
    });
    legend(max, measure);
  }

  function mark(canvas, id, cls) {
    CLASSES.forEach(function (old) {
      canvas.removeMarker(id, old);
    });
    canvas.addMarker(id, cls);
  }

  function start(box, xml) {
    var viewer = new window.BpmnJS({container: box});
    return viewer.importXML(xml).then(function () {
      var registry = viewer.get('elementRegistry');
      var overlays = viewer.get('overlays');
      var canvas = viewer.get('canvas');
      var data = rows();
      data.forEach(function (row) {
        var element = registry.get(row.id);
        if (!element) {
          return;
        }
        row.overlay = overlayHtml(box, row);
        overlays.add(row.id, 'bv-heat', {position: {top: element.height + 4, left: -10}, html: row.overlay});
      });
      var chosen = document.querySelector('input[name="maat"]:checked');
      paint(viewer, box, data, chosen ? chosen.value : 'waiting');
      document.querySelectorAll('input[name="maat"]').forEach(function (input) {
        input.addEventListener('change', function () {
          paint(viewer, box, data, input.value);
        });
      });
      // Open the plane the busiest step is drawn on (the journey's steps sit in a collapsed sub-process; its
      // breadcrumbs lead back up).
      var most = box.dataset.most && registry.get(box.dataset.most);
      var plane = most && canvas.findRoot(most);
      if (plane && plane !== canvas.getRootElement()) {
        canvas.setRootElement(plane);
      }
      canvas.zoom('fit-viewport');
      // A long journey fitted into the page makes its numbers too small to read: show the busiest step up close
      // instead; "Hele diagram" shows it whole.
      if (canvas.zoom() < 0.6 && most) {
        var outer = canvas.viewbox().outer;
        var width = outer.width / 0.9;
        var height = outer.height / 0.9;
        canvas.viewbox({x: most.x + most.width / 2 - width / 2, y: most.y + most.height / 2 - height / 2,
          width: width, height: height});
      }
      document.querySelectorAll('[data-zoom]').forEach(function (button) {
        button.addEventListener('click', function () {
          var how = button.getAttribute('data-zoom');
          if (how === 'fit') {
            canvas.zoom('fit-viewport');
          } else {
            canvas.zoom(canvas.zoom() * (how === 'in' ? 1.25 : 0.8));
          }
        });
      });
      document.getElementById('heat-tools').hidden = false;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('heat-diagram');
    if (!box || !window.BpmnJS) {
      return;
    }
    fetch(box.dataset.xml, {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.text();
    }).then(function (xml) {
      return start(box, xml);
    }).catch(function () {
      document.getElementById('heat-diagram-error').hidden = false;
    });
  });
}());
