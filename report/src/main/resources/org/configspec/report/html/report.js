// The report's page logic: draws every chart with vega-embed from the JSON embedded in the page (written by
// org.configspec.report.html.ReportData), re-draws them when a filter changes and pins clicked Pareto points.
// Nothing here requests a URL: the data is inline and the libraries are inlined before this script.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('configspec-data').textContent);
  var state = { target: '', device: '', objective: '' };
  var views = {};
  var renders = 0;

  var OBJECTIVES = { goodput: 'best goodput', cost: 'best tokens per $', energy: 'best J per token', weighted: 'weighted choice' };
  var NUM = '.6~g';
  var TIP = [
    { field: 'target', type: 'nominal', title: 'target' },
    { field: 'device', type: 'nominal', title: 'device' },
    { field: 'draft', type: 'nominal', title: 'draft' },
    { field: 'quant', type: 'nominal', title: 'quant' },
    { field: 'k', type: 'quantitative', title: 'K' },
    { field: 'alpha', type: 'quantitative', title: 'α(K)', format: NUM },
    { field: 'tokens_per_round', type: 'quantitative', title: 'E(K) tokens/round', format: NUM },
    { field: 'draft_s', type: 'quantitative', title: 'draft time s', format: NUM },
    { field: 'verify_s', type: 'quantitative', title: 'T_v s', format: NUM },
    { field: 'goodput_tok_s', type: 'quantitative', title: 'goodput tok/s', format: NUM },
    { field: 'tokens_per_usd', type: 'quantitative', title: 'tokens/$', format: NUM },
    { field: 'usd_per_mtok', type: 'quantitative', title: '$/M tok', format: NUM },
    { field: 'joules_per_token', type: 'quantitative', title: 'J/tok', format: NUM },
    { field: 'fits_memory', type: 'nominal', title: 'fits memory' }
  ];
  var FACET = {
    row: { field: 'target', type: 'nominal', title: 'target' },
    column: { field: 'device', type: 'nominal', title: 'device' }
  };

  function key(r) { return [r.target, r.device, r.draft, r.quant, r.k].join('|'); }
  function variant(r) { return Object.assign({ variant: r.draft + ' ' + r.quant }, r); }
  function keep(r) {
    return (!state.target || r.target === state.target) && (!state.device || r.device === state.device);
  }
  function groups() { return data.selection.groups.filter(keep); }

  /** The configurations an objective picks, per target × device (the selection's optima). */
  function picked(objective) {
    var keys = {};
    groups().forEach(function (g) {
      var e = objective === 'weighted' ? g.weighted : g.best[objective];
      if (e) { keys[key(e)] = true; }
    });
    return keys;
  }

  function kChart(objective, field, title, rows) {
    var marked = picked(state.objective || objective);
    var values = rows.map(function (r) { return Object.assign({ optimum: !!marked[key(r)] }, variant(r)); });
    var x = { field: 'k', type: 'quantitative', title: 'K (draft tokens per round)', axis: { tickMinStep: 1 } };
    var y = { field: field, type: 'quantitative', title: title };
    var color = { field: 'variant', type: 'nominal', title: 'draft variant', scale: { scheme: 'tableau20' } };
    return {
      data: { values: values },
      facet: FACET,
      spec: {
        width: 220, height: 160,
        layer: [
          { mark: 'line', encoding: { x: x, y: y, color: color } },
          { name: 'points', mark: { type: 'point', filled: true, size: 30 }, encoding: { x: x, y: y, color: color, tooltip: TIP } },
          { name: 'optima', transform: [{ filter: 'datum.optimum' }],
            mark: { type: 'point', shape: 'diamond', size: 220, filled: false, strokeWidth: 2, color: 'black' },
            encoding: { x: x, y: y, tooltip: TIP } }
        ]
      },
      resolve: { scale: { y: 'independent' } }
    };
  }

  function pareto() {
    var front = [];
    groups().forEach(function (g) {
      g.pareto.forEach(function (e) { front.push(Object.assign({ role: null }, variant(e))); });
      Object.keys(OBJECTIVES).forEach(function (o) {
        var e = o === 'weighted' ? g.weighted : g.best[o];
        if (e && (!state.objective || state.objective === o)) { front.push(Object.assign({ role: OBJECTIVES[o] }, variant(e))); }
      });
    });
    if (front.length === 0) { return null; }
    // one dataset (the front, then each optimum again with its role), so that both layers are faceted
    var x = { field: 'tokens_per_usd', type: 'quantitative', title: 'tokens per $', scale: { zero: false } };
    var y = { field: 'goodput_tok_s', type: 'quantitative', title: 'goodput (tokens/s)', scale: { zero: false } };
    return {
      data: { values: front },
      facet: FACET,
      spec: {
        width: 260, height: 200,
        layer: [
          { name: 'front', transform: [{ filter: 'datum.role === null' }], mark: { type: 'point', filled: true, size: 70, cursor: 'pointer', invalid: null },
            encoding: { x: x, y: y, tooltip: TIP,
              color: { condition: { test: 'datum.joules_per_token === null', value: '#999999' },
                field: 'joules_per_token', type: 'quantitative', title: 'J per token', scale: { scheme: 'viridis' } } } },
          { name: 'optima', transform: [{ filter: 'datum.role !== null' }],
            mark: { type: 'point', size: 260, filled: false, strokeWidth: 2 },
            encoding: { x: x, y: y, tooltip: [{ field: 'role', type: 'nominal', title: 'role' }].concat(TIP),
              shape: { field: 'role', type: 'nominal', title: 'highlighted' },
              stroke: { field: 'role', type: 'nominal', title: 'highlighted', scale: { scheme: 'category10' } } } }
        ]
      },
      resolve: { scale: { x: 'independent', y: 'independent' } }
    };
  }

  function sweep() {
    var rows = data.sweep.filter(keep).map(function (r) { return variant(r); });
    if (rows.length === 0) { return null; }
    var x = { field: 't_verify_s', type: 'quantitative', title: 'T_v (s)', scale: { type: 'log' } };
    var y = { field: 'optimal_k', type: 'quantitative', title: 'goodput-optimal K', axis: { tickMinStep: 1 } };
    var color = { field: 'variant', type: 'nominal', title: 'draft variant', scale: { scheme: 'tableau20' } };
    return {
      data: { values: rows },
      facet: FACET,
      spec: {
        width: 220, height: 160,
        layer: [
          { mark: 'line', encoding: { x: x, y: y, color: color } },
          { name: 'points', mark: { type: 'point', filled: true, size: 40 }, encoding: { x: x, y: y, color: color,
            tooltip: [{ field: 'target' }, { field: 'device' }, { field: 'draft' }, { field: 'quant' },
              { field: 'draft_tok_s', title: 'r_d tok/s', format: NUM, type: 'quantitative' },
              { field: 't_verify_s', title: 'T_v s', format: NUM, type: 'quantitative' },
              { field: 'r', title: 'R = r_d·T_v', format: NUM, type: 'quantitative' },
              { field: 'optimal_k', title: 'K*', type: 'quantitative' },
              { field: 'tokens_per_round', title: 'E(K*)', format: NUM, type: 'quantitative' },
              { field: 'goodput_tok_s', title: 'goodput tok/s', format: NUM, type: 'quantitative' }] } }
        ]
      }
    };
  }

  function spreadTip(valueTitle) {
    return [{ field: 'value', type: 'quantitative', title: valueTitle, format: NUM },
      { field: 'aggregation', type: 'nominal' }, { field: 'n', type: 'quantitative' },
      { field: 'low', type: 'quantitative', format: NUM }, { field: 'high', type: 'quantitative', format: NUM },
      { field: 'spread', type: 'nominal' }];
  }

  function alpha() {
    var rows = data.alpha.filter(function (r) { return !state.target || r.target === state.target; });
    if (rows.length === 0) { return null; }
    var x = { field: 'k', type: 'quantitative', title: 'K', axis: { tickMinStep: 1 } };
    var color = { field: 'draft', type: 'nominal', title: 'draft' };
    return {
      data: { values: rows },
      facet: { column: { field: 'target', type: 'nominal', title: 'target' } },
      spec: {
        width: 300, height: 200,
        layer: [
          { transform: [{ filter: 'datum.low !== null' }], mark: { type: 'area', opacity: 0.2 },
            encoding: { x: x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: color } },
          { mark: 'line', encoding: { x: x, y: { field: 'value', type: 'quantitative', title: 'α(K) (fraction accepted)' }, color: color } },
          { name: 'points', mark: { type: 'point', filled: true }, encoding: { x: x, y: { field: 'value', type: 'quantitative' }, color: color,
            tooltip: [{ field: 'draft' }, { field: 'target' }, { field: 'k', title: 'K' }].concat(spreadTip('α(K)')) } }
        ]
      }
    };
  }

  function survival() {
    var rows = data.survival.filter(function (r) { return !state.target || r.target === state.target; });
    if (rows.length === 0) { return null; }
    var x = { field: 'position', type: 'quantitative', title: 'position i', axis: { tickMinStep: 1 } };
    var y = { field: 'p', type: 'quantitative', title: 'P(L ≥ i)', scale: { domain: [0, 1] } };
    var color = { field: 'draft', type: 'nominal', title: 'draft' };
    return {
      data: { values: rows },
      facet: { column: { field: 'target', type: 'nominal', title: 'target' } },
      spec: { width: 300, height: 200, layer: [
        { mark: 'line', encoding: { x: x, y: y, color: color } },
        { name: 'points', mark: { type: 'point', filled: true }, encoding: { x: x, y: y, color: color,
          tooltip: [{ field: 'draft' }, { field: 'target' }, { field: 'position' }, { field: 'p', format: NUM, type: 'quantitative' }] } }
      ] }
    };
  }

  function profileChart(field, title) {
    var rows = data.profiles.filter(function (p) { return (!state.device || p.device === state.device) && p[field]; })
      .map(function (p) { return Object.assign({ device: p.device, draft: p.draft, source: p.source }, p[field]); });
    if (rows.length === 0) { return null; }
    var y = { field: 'draft', type: 'nominal', title: 'draft variant' };
    return {
      data: { values: rows },
      facet: { row: { field: 'device', type: 'nominal', title: 'device' } },
      spec: { width: 360, layer: [
        { name: 'points', mark: 'bar', encoding: { y: y, x: { field: 'value', type: 'quantitative', title: title },
          tooltip: [{ field: 'device' }, { field: 'draft' }].concat(spreadTip(title), [{ field: 'source' }]) } },
        { transform: [{ filter: 'datum.low !== null' }], mark: { type: 'rule', color: 'black' },
          encoding: { y: y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } }
      ] },
      resolve: { scale: { y: 'independent' } }
    };
  }

  function validation() {
    var rows = data.validation.filter(keep);
    if (rows.length === 0) { return null; }
    var all = [];
    rows.forEach(function (r) { all.push(r.measured_goodput_tok_s, r.predicted_goodput_tok_s); });
    var lo = Math.min.apply(null, all);
    var hi = Math.max.apply(null, all);
    var tip = [{ field: 'target' }, { field: 'device' }, { field: 'draft' }, { field: 'created', title: 'stored' },
      { field: 'rtt_ms', title: 'RTT ms', type: 'quantitative', format: NUM }, { field: 'k', title: 'K', type: 'quantitative' },
      { field: 'rounds', type: 'quantitative' },
      { field: 'measured_goodput_tok_s', title: 'measured goodput tok/s', type: 'quantitative', format: NUM },
      { field: 'predicted_goodput_tok_s', title: 'predicted goodput tok/s', type: 'quantitative', format: NUM },
      { field: 'goodput_error_pct', title: 'error %', type: 'quantitative', format: NUM },
      { field: 'iid_fallback', title: 'i.i.d. fallback' }];
    var rtt = { field: 'rtt_ms', type: 'nominal', title: 'RTT (ms)', scale: { scheme: 'category10' } };
    var domain = { domain: [lo - 0.05 * (hi - lo || 1), hi + 0.05 * (hi - lo || 1)], zero: false };
    return {
      hconcat: [
        { width: 320, height: 260, layer: [
          { data: { values: [{ v: lo }, { v: hi }] }, mark: { type: 'line', color: '#999', strokeDash: [4, 4] },
            encoding: { x: { field: 'v', type: 'quantitative', scale: domain }, y: { field: 'v', type: 'quantitative', scale: domain } } },
          { name: 'points', data: { values: rows }, mark: { type: 'point', filled: true, size: 60 },
            encoding: { x: { field: 'measured_goodput_tok_s', type: 'quantitative', title: 'measured goodput (tokens/s)', scale: domain },
              y: { field: 'predicted_goodput_tok_s', type: 'quantitative', title: 'predicted goodput (tokens/s)', scale: domain },
              color: rtt, tooltip: tip } }
        ] },
        { width: 320, height: 260, data: { values: rows }, name: 'errors',
          mark: { type: 'point', filled: true, size: 60 },
          encoding: { x: { field: 'k', type: 'quantitative', title: 'K', axis: { tickMinStep: 1 } },
            y: { field: 'goodput_error_pct', type: 'quantitative', title: 'goodput error (predicted − measured) / measured, %' },
            color: rtt, tooltip: tip } }
      ]
    };
  }

  var CHARTS = {
    goodput: function () {
      var rows = data.evaluations.filter(keep);
      return rows.length ? kChart('goodput', 'goodput_tok_s', 'goodput (tokens/s)', rows) : null;
    },
    cost: function () {
      var rows = data.evaluations.filter(keep);
      return rows.length ? kChart('cost', 'tokens_per_usd', 'tokens per $', rows) : null;
    },
    energy: function () {
      var rows = data.evaluations.filter(function (r) { return keep(r) && r.joules_per_token !== null; });
      return rows.length ? kChart('energy', 'joules_per_token', 'J per token', rows) : null;
    },
    pareto: pareto,
    sweep: sweep,
    alpha: alpha,
    survival: survival,
    speed: function () { return profileChart('tok_s', 'drafting speed (tokens/s)'); },
    power: function () { return profileChart('power_w', 'drafting power (W)'); },
    validation: validation
  };

  function pin(datum) {
    var body = document.querySelector('#pinned tbody');
    if (body.querySelector('tr[data-key="' + CSS.escape(key(datum)) + '"]')) { return; }
    var tr = document.createElement('tr');
    tr.dataset.key = key(datum);
    [datum.target, datum.device, datum.draft, datum.quant, datum.k, datum.goodput_tok_s, datum.tokens_per_usd,
      datum.joules_per_token === null ? 'n/a' : datum.joules_per_token].forEach(function (v) {
      var td = document.createElement('td');
      td.textContent = String(v);
      tr.appendChild(td);
    });
    body.appendChild(tr);
  }

  function render(id) {
    var section = document.getElementById('chart-' + id);
    var el = section && section.querySelector('.view');
    if (!el) { return Promise.resolve(); }
    if (views[id]) { views[id].finalize(); delete views[id]; }
    var spec = CHARTS[id]();
    if (!spec) {
      el.innerHTML = '';
      var p = document.createElement('p');
      p.className = 'nodata';
      p.textContent = 'No data for this filter (target: ' + (state.target || 'all') + ', device: ' + (state.device || 'all') + ').';
      el.appendChild(p);
      return Promise.resolve();
    }
    spec.config = { font: 'sans-serif' };
    return vegaEmbed(el, spec, { renderer: 'svg', actions: false }).then(function (result) {
      views[id] = result.view;
      if (id === 'pareto') {
        result.view.addEventListener('click', function (event, item) {
          if (item && item.datum && item.datum.k !== undefined && item.mark && /^(front|optima)_marks$/.test(item.mark.name)) {
            pin(item.datum);
          }
        });
      }
    });
  }

  function renderAll() {
    return Promise.all(Object.keys(CHARTS).map(render)).then(function () {
      renders += 1;
      document.body.dataset.renders = String(renders);
    }, function (err) {
      console.error('configspec report: a chart failed to render: ' + err);
    });
  }

  function options(id, values) {
    var select = document.getElementById(id);
    values.forEach(function (v) {
      var o = document.createElement('option');
      o.value = v;
      o.textContent = v;
      select.appendChild(o);
    });
  }
  function distinct(field) {
    var seen = [];
    data.evaluations.forEach(function (r) { if (seen.indexOf(r[field]) < 0) { seen.push(r[field]); } });
    return seen;
  }

  options('filter-target', distinct('target'));
  options('filter-device', distinct('device'));
  ['target', 'device', 'objective'].forEach(function (f) {
    document.getElementById('filter-' + f).addEventListener('change', function (e) {
      state[f] = e.target.value;
      renderAll();
    });
  });
  window.configspecReport = { views: views, state: state };
  renderAll();
})();
