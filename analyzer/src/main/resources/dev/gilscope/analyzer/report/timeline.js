// gilscope HTML report: the threads' timeline and the per-monitor charts. No dependencies; every
// recorded name reaches the page through textContent (never innerHTML).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('gs-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var KINDS = ['hold', 'acquire', 'handoff', 'wait'];
  var COLOR = { hold: '#2e86de', estimated: '#a9cdf0', acquire: '#e67e22', wait: '#a4b0be', passOver: '#c0392b',
    handoff: '#2d3436', finding: 'rgba(231,76,60,0.10)', selected: 'rgba(231,76,60,0.22)' };
  var PALETTE = ['#2e86de', '#e67e22', '#27ae60', '#8e44ad', '#c0392b', '#16a085', '#d35400',
    '#2c3e50', '#95a5a6'];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }

  function dur(ns) {
    var a = Math.abs(ns);
    if (a >= 1e9) { return (ns / 1e9).toFixed(a >= 1e10 ? 1 : 3) + ' s'; }
    if (a >= 1e6) { return (ns / 1e6).toFixed(a >= 1e7 ? 1 : 2) + ' ms'; }
    if (a >= 1e3) { return (ns / 1e3).toFixed(a >= 1e4 ? 1 : 2) + ' \u00b5s'; }
    return Math.round(ns) + ' ns';
  }

  function count(n) { return Number(n).toLocaleString('en-US'); }

  // ---- the timeline ------------------------------------------------------------------------

  function Timeline(root, t, findings, durationNanos) {
    var self = this;
    this.t = t;
    this.findings = findings;
    this.span = Math.max(t.spanNanos, durationNanos, 1);
    this.v0 = 0;
    this.v1 = this.span;
    this.selected = -1;
    this.laneH = 26;
    this.axisH = 22;
    // intervals per lane, by start, with the longest duration up to each index (for lookups)
    this.byLane = t.lanes.map(function () { return []; });
    this.keptPerBucket = new Array(t.buckets).fill(0);
    t.intervals.forEach(function (i) {
      self.byLane[i[0]].push(i);
      self.keptPerBucket[Math.min(t.buckets - 1, Math.floor(i[3] / t.bucketNanos))]++;
    });
    // every hold is an event at detail=holds/all: the statistics' estimate is for sampled holds
    if (t.agentDetail === 'holds' || t.agentDetail === 'all') {
      t.lanes.forEach(function (l) { l.estimatedHold = l.estimatedHold.map(function () { return 0; }); });
    }
    this.maxDur = t.lanes.map(function (l, k) {
      return self.byLane[k].reduce(function (m, i) { return Math.max(m, i[4]); }, 0);
    });

    root.appendChild(el('p', 'gs-notes', this.describe()));
    var bar = el('div', 'gs-bar');
    this.button(bar, '\u2212', 'zoom out', function () { self.zoom(2, 0.5); });
    this.button(bar, '+', 'zoom in', function () { self.zoom(0.5, 0.5); });
    this.button(bar, '\u2190', 'pan left', function () { self.pan(-0.25); });
    this.button(bar, '\u2192', 'pan right', function () { self.pan(0.25); });
    this.button(bar, 'whole recording', 'reset zoom', function () { self.show(0, self.span); });
    this.range = el('span', 'gs-range');
    bar.appendChild(this.range);
    bar.appendChild(el('span', 'gs-notes', 'wheel: zoom \u00b7 drag: pan \u00b7 double-click: zoom in'));
    root.appendChild(bar);

    var body = el('div', 'gs-body');
    var labels = el('div', 'gs-labels');
    labels.appendChild(this.label('', this.axisH, 'gs-lane-label gs-axis-label'));
    t.lanes.forEach(function (l) {
      var name = l.threads > 1 ? l.name + ' (average)' : l.name;
      var lab = self.label(name, self.laneH, 'gs-lane-label');
      lab.title = l.name;
      lab.setAttribute('data-lane', l.name);
      labels.appendChild(lab);
    });
    body.appendChild(labels);
    this.plot = el('div', 'gs-plot');
    this.canvas = el('canvas', 'gs-canvas');
    this.canvas.setAttribute('aria-label', 'thread timeline');
    this.plot.appendChild(this.canvas);
    this.tip = el('div', 'gs-tip');
    this.plot.appendChild(this.tip);
    body.appendChild(this.plot);
    root.appendChild(body);
    this.status = el('p', 'gs-status');
    root.appendChild(this.status);
    root.appendChild(this.legend());
    this.listen();
    window.addEventListener('resize', function () { self.draw(); });
    this.draw();
  }

  Timeline.prototype.describe = function () {
    var t = this.t, e = t.events, parts = [];
    var d = t.agentDetail;
    if (e.hold > 0) {
      parts.push(d === 'holds' || d === 'all'
        ? 'holds: every hold (agent detail=' + d + ')'
        : 'holds: a sample (agent detail=' + (d || 'unknown') +
          ': contended acquisitions\' holds and 1 in N of the others; each thread\'s hold time per ' +
          'statistics period is estimated from them)');
    } else {
      parts.push('holds: none recorded' + (t.jdkEvents ? ' (the JDK\'s events have none)' : ''));
    }
    if (e.acquire + e.handoff > 0) {
      parts.push('waits to acquire: every contended acquisition' + (t.jdkEvents
        ? ' (the JDK\'s lock events: only the waits above the recording\'s threshold)' : ''));
    }
    if (e.wait > 0) { parts.push('wait()/await() calls'); }
    parts.push('at most ' + count(t.maxIntervals) + ' intervals kept (' +
      count(t.intervals.length) + ' here): in each slice of time its longest and a uniform sample; coarse zoom: time per ' +
      dur(t.bucketNanos) + ' bucket');
    return parts.join(' \u00b7 ');
  };

  Timeline.prototype.button = function (bar, text, title, action) {
    var b = el('button', null, text);
    b.type = 'button';
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', action);
    bar.appendChild(b);
    return b;
  };

  Timeline.prototype.label = function (text, h, cls) {
    var d = el('div', cls, text);
    d.style.height = h + 'px';
    return d;
  };

  Timeline.prototype.legend = function () {
    var lg = el('div', 'gs-legend');
    var t = this.t, estimated = t.lanes.some(function (l) {
      return l.estimatedHold.some(function (v, b) { return v > l.hold[b]; });
    });
    [['hold', COLOR.hold, 'holding'],
      estimated ? ['estimated', COLOR.estimated, 'holding, estimated from the sampled holds (per statistics period)'] : null, ['acquire', COLOR.acquire, 'waiting to acquire'],
      ['wait', COLOR.wait, 'in wait()/await()'], ['handoff', COLOR.handoff, '\u25bc handoff (got it from another thread\'s release)'],
      ['passOver', COLOR.passOver, '\u25b2 pass-overs (others acquired while it waited)'],
      ['finding', 'rgba(231,76,60,0.35)', 'a finding\'s window']].forEach(function (k) {
      if (!k) { return; }
      var item = el('span');
      var sw = el('span', 'gs-key');
      sw.style.background = k[1];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(k[2]));
      lg.appendChild(item);
    });
    return lg;
  };

  Timeline.prototype.show = function (v0, v1) {
    var minSpan = 1000; // 1 microsecond across the whole width
    var len = Math.max(minSpan, v1 - v0);
    len = Math.min(len, this.span);
    var mid = (v0 + v1) / 2;
    v0 = Math.max(0, Math.min(this.span - len, mid - len / 2));
    this.v0 = v0;
    this.v1 = v0 + len;
    this.draw();
  };

  Timeline.prototype.zoom = function (factor, at) {
    var len = this.v1 - this.v0, t = this.v0 + at * len, nl = len * factor;
    this.show(t - at * nl, t - at * nl + nl);
  };

  Timeline.prototype.pan = function (fraction) {
    var len = this.v1 - this.v0, d = fraction * len;
    var v0 = Math.max(0, Math.min(this.span - len, this.v0 + d));
    this.v0 = v0;
    this.v1 = v0 + len;
    this.draw();
  };

  Timeline.prototype.select = function (i) {
    var f = this.findings[i];
    this.selected = i;
    var pad = Math.max((f.end - f.start) * 0.1, 1000);
    this.show(f.start - pad, f.end + pad);
    document.querySelectorAll('.finding').forEach(function (d) {
      d.classList.toggle('gs-selected', d.getAttribute('data-finding') === String(i));
    });
  };

  Timeline.prototype.listen = function () {
    var self = this, c = this.canvas, drag = null;
    c.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var r = c.getBoundingClientRect();
      self.zoom(ev.deltaY > 0 ? 1.25 : 0.8, Math.min(1, Math.max(0, (ev.clientX - r.left) / r.width)));
    }, { passive: false });
    c.addEventListener('pointerdown', function (ev) {
      drag = { x: ev.clientX, v0: self.v0, v1: self.v1 };
      c.classList.add('gs-dragging');
      if (c.setPointerCapture) { c.setPointerCapture(ev.pointerId); }
    });
    c.addEventListener('pointermove', function (ev) {
      if (drag) {
        var w = c.getBoundingClientRect().width, len = drag.v1 - drag.v0;
        var v0 = drag.v0 - (ev.clientX - drag.x) / w * len;
        v0 = Math.max(0, Math.min(self.span - len, v0));
        self.v0 = v0;
        self.v1 = v0 + len;
        self.draw();
      } else {
        self.hover(ev);
      }
    });
    var end = function () { drag = null; c.classList.remove('gs-dragging'); };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('pointerleave', function () { self.tip.style.display = 'none'; });
    c.addEventListener('dblclick', function (ev) {
      var r = c.getBoundingClientRect();
      self.zoom(0.5, (ev.clientX - r.left) / r.width);
    });
  };

  /** Detail (the intervals themselves) once few enough buckets are in view. */
  Timeline.prototype.detail = function () {
    return (this.v1 - this.v0) <= 48 * this.t.bucketNanos;
  };

  Timeline.prototype.draw = function () {
    var t = this.t, c = this.canvas, dpr = window.devicePixelRatio || 1;
    var w = Math.max(200, this.plot.clientWidth), h = this.axisH + t.lanes.length * this.laneH;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.width = w + 'px';
      c.style.height = h + 'px';
    }
    var g = c.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    var self = this, v0 = this.v0, len = this.v1 - this.v0, px = w / len;
    var x = function (ns) { return (ns - v0) * px; };
    this.findings.forEach(function (f, i) {
      var a = Math.max(0, x(f.start)), b = Math.min(w, x(f.end));
      if (b <= 0 || a >= w) { return; }
      g.fillStyle = i === self.selected ? COLOR.selected : COLOR.finding;
      g.fillRect(a, self.axisH, Math.max(2, b - a), h - self.axisH);
      if (i === self.selected) {
        g.strokeStyle = '#c0392b';
        g.strokeRect(a + 0.5, self.axisH + 0.5, Math.max(2, b - a) - 1, h - self.axisH - 1);
      }
    });
    this.axis(g, w, x);
    var detail = this.detail(), drawn = 0;
    t.lanes.forEach(function (lane, k) {
      var y = self.axisH + k * self.laneH;
      g.fillStyle = k % 2 ? '#fafafa' : '#ffffff';
      g.globalAlpha = 0.6;
      g.fillRect(0, y, w, self.laneH);
      g.globalAlpha = 1;
      self.drawBuckets(g, lane, y, w, x, detail);
      if (detail) { drawn += self.drawIntervals(g, k, y, w, x); }
    });
    c.setAttribute('data-view-start', String(Math.round(this.v0)));
    c.setAttribute('data-view-end', String(Math.round(this.v1)));
    c.setAttribute('data-mode', detail ? 'detail' : 'aggregate');
    c.setAttribute('data-drawn-intervals', String(drawn));
    this.range.textContent = dur(this.v0) + ' \u2013 ' + dur(this.v1) + ' (' + dur(len) + ' shown)';
    this.status.textContent = detail ? this.detailStatus(drawn)
      : 'aggregated: each lane shows the share of each ' + dur(t.bucketNanos) +
        ' bucket spent holding (blue), waiting to acquire (orange) and in wait() (grey); zoom in for the intervals';
  };

  Timeline.prototype.detailStatus = function (drawn) {
    var t = this.t, b0 = Math.floor(this.v0 / t.bucketNanos), b1 = Math.ceil(this.v1 / t.bucketNanos);
    var seen = 0, kept = 0;
    for (var b = Math.max(0, b0); b < Math.min(t.buckets, b1); b++) {
      seen += t.intervalsSeen[b];
      kept += this.keptPerBucket[b];
    }
    return 'intervals: ' + count(drawn) + ' drawn; ' + (seen > kept
      ? count(kept) + ' of the ' + count(seen) + ' that start in these buckets are kept (the longest and a uniform ' +
        'sample); the faint bars behind are the exact time per bucket'
      : 'all that were recorded here');
  };

  Timeline.prototype.axis = function (g, w, x) {
    var len = this.v1 - this.v0, raw = len / Math.max(1, w / 110);
    var p = Math.pow(10, Math.floor(Math.log10(raw))), step = p;
    [1, 2, 5, 10].some(function (m) { step = m * p; return step >= raw; });
    g.fillStyle = '#555';
    g.font = '11px system-ui,sans-serif';
    g.strokeStyle = '#e4e4e4';
    g.beginPath();
    for (var s = Math.ceil(this.v0 / step) * step; s <= this.v1; s += step) {
      var xs = Math.round(x(s)) + 0.5;
      g.moveTo(xs, this.axisH - 4);
      g.lineTo(xs, this.axisH + this.t.lanes.length * this.laneH);
      g.fillText(dur(s), Math.min(xs + 2, w - 50), 13);
    }
    g.stroke();
  };

  Timeline.prototype.drawBuckets = function (g, lane, y, w, x, detail) {
    var t = this.t, bw = t.bucketNanos, H = this.laneH - 4, per = lane.threads;
    var b0 = Math.max(0, Math.floor(this.v0 / bw)), b1 = Math.min(t.buckets, Math.ceil(this.v1 / bw));
    var step = Math.max(1, Math.floor((b1 - b0) / w)); // at most one column per pixel
    var alpha = detail ? 0.22 : 1, marks = [];
    g.globalAlpha = alpha;
    for (var b = b0; b < b1; b += step) {
      var hold = 0, est = 0, acq = 0, wt = 0, hand = 0, pass = 0;
      for (var j = b; j < Math.min(b1, b + step); j++) {
        hold += lane.hold[j]; est += lane.estimatedHold[j]; acq += lane.acquire[j]; wt += lane.wait[j];
        hand += lane.handoffs[j]; pass += lane.passOvers[j];
      }
      // whole pixels: adjacent columns neither overlap nor leave anti-aliased seams
      var n = 1000 * step * per, xa = Math.round(x(b * bw)), xb = Math.round(x(Math.min(b + step, b1) * bw));
      var bwpx = Math.max(1, xb - xa), base = y + 2 + H;
      // hold events where they are all recorded; else the statistics' estimate tops up the sample
      var fh = Math.min(1, hold / n), fe = Math.min(1 - fh, Math.max(0, est - hold) / n);
      var fa = Math.min(1 - fh - fe, acq / n), fw = Math.min(1 - fh - fe - fa, wt / n);
      if (fh > 0) { g.fillStyle = COLOR.hold; g.fillRect(xa, base - fh * H, bwpx, fh * H); }
      if (fe > 0) { g.fillStyle = COLOR.estimated; g.fillRect(xa, base - (fh + fe) * H, bwpx, fe * H); }
      var top = fh + fe;
      if (fa > 0) { g.fillStyle = COLOR.acquire; g.fillRect(xa, base - (top + fa) * H, bwpx, fa * H); }
      if (fw > 0) { g.fillStyle = COLOR.wait; g.fillRect(xa, base - (top + fa + fw) * H, bwpx, fw * H); }
      if (!detail && hand > 0) { marks.push([xa + bwpx / 2, y + 2, COLOR.handoff, true]); }
      if (pass > 0) { marks.push([xa + bwpx / 2, y + this.laneH - 1, COLOR.passOver, false]); }
    }
    g.globalAlpha = 1;
    for (var m = 0; m < marks.length; m++) { this.mark(g, marks[m][0], marks[m][1], marks[m][2], marks[m][3]); }
  };

  Timeline.prototype.mark = function (g, cx, cy, color, down) {
    g.fillStyle = color;
    g.beginPath();
    if (down) { g.moveTo(cx - 3, cy); g.lineTo(cx + 3, cy); g.lineTo(cx, cy + 4); }
    else { g.moveTo(cx - 3, cy); g.lineTo(cx + 3, cy); g.lineTo(cx, cy - 4); }
    g.closePath();
    g.fill();
  };

  Timeline.prototype.visible = function (k) {
    var list = this.byLane[k], lo = 0, hi = list.length, from = this.v0 - this.maxDur[k];
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid][3] < from) { lo = mid + 1; } else { hi = mid; } }
    var out = [];
    for (var i = lo; i < list.length && list[i][3] <= this.v1; i++) {
      if (list[i][3] + list[i][4] >= this.v0) { out.push(list[i]); }
    }
    return out;
  };

  Timeline.prototype.drawIntervals = function (g, k, y, w, x) {
    var self = this, H = this.laneH;
    var list = this.visible(k);
    list.forEach(function (i) {
      var kind = KINDS[i[2]], a = Math.max(-1, x(i[3])), b = Math.min(w + 1, x(i[3] + i[4]));
      var width = Math.max(1, b - a);
      if (kind === 'hold') {
        g.fillStyle = COLOR.hold;
        g.fillRect(a, y + 4, width, H - 12);
      } else if (kind === 'wait') {
        g.fillStyle = COLOR.wait;
        g.fillRect(a, y + H - 8, width, 5);
      } else {
        g.fillStyle = COLOR.acquire;
        g.fillRect(a, y + H - 9, width, 6);
        if (kind === 'handoff') { self.mark(g, b, y + 1, COLOR.handoff, true); }
      }
    });
    return list.length;
  };

  Timeline.prototype.hover = function (ev) {
    var r = this.canvas.getBoundingClientRect(), mx = ev.clientX - r.left, my = ev.clientY - r.top;
    var k = Math.floor((my - this.axisH) / this.laneH), t = this.t;
    if (k < 0 || k >= t.lanes.length) { this.tip.style.display = 'none'; return; }
    var ns = this.v0 + mx / r.width * (this.v1 - this.v0), lane = t.lanes[k], lines = [lane.name];
    var tol = 3 / r.width * (this.v1 - this.v0);
    if (this.detail()) {
      this.visible(k).forEach(function (i) {
        if (i[3] - tol <= ns && ns <= i[3] + i[4] + tol) {
          lines.push(KINDS[i[2]] + ' ' + dur(i[4]) + ' at ' + dur(i[3]) + ' on ' + t.intervalMonitors[i[1]]);
        }
      });
    }
    var b = Math.min(t.buckets - 1, Math.max(0, Math.floor(ns / t.bucketNanos)));
    var per = lane.threads * 10;
    lines.push(dur(b * t.bucketNanos) + '+' + dur(t.bucketNanos) + ': held ' +
      (Math.max(lane.hold[b], lane.estimatedHold[b]) / per).toFixed(1) +
      (lane.estimatedHold[b] > lane.hold[b] ? '% (estimated)' : '%') +
      ', acquiring ' + (lane.acquire[b] / per).toFixed(1) + '%, in wait() ' + (lane.wait[b] / per).toFixed(1) + '%' +
      (lane.handoffs[b] ? ', ' + count(lane.handoffs[b]) + ' handoffs' : '') +
      (lane.passOvers[b] ? ', ' + count(lane.passOvers[b]) + ' pass-overs' : ''));
    if (lines.length > 8) { lines = lines.slice(0, 7).concat(['\u2026']); }
    this.tip.textContent = lines.join('\n');
    this.tip.style.display = 'block';
    this.tip.style.left = Math.min(mx + 12, r.width - 260) + 'px';
    this.tip.style.top = (my + 14) + 'px';
  };

  // ---- per monitor: distributions on log scales and per-thread shares ----------------------

  function distributions(m) {
    var W = 420, H = 190, L = 56, B = 34, T = 10, R = 10;
    var series = m.distributions.filter(function (s) { return s.count > 0; });
    var box = el('div');
    box.appendChild(el('h3', null, 'distributions (log scales)'));
    if (!series.length) { box.appendChild(el('p', 'gs-notes', 'no timed waits or holds')); return box; }
    var xmax = 5.3; // 99.999th percentile, then the max
    var maxNs = 1, minNs = Infinity;
    series.forEach(function (s) {
      s.points.forEach(function (p) { if (p[1] > 0) { maxNs = Math.max(maxNs, p[1]); minNs = Math.min(minNs, p[1]); } });
    });
    var lo = Math.floor(Math.log10(Math.min(minNs === Infinity ? 1 : minNs, maxNs))), hi = Math.ceil(Math.log10(maxNs));
    if (hi <= lo) { hi = lo + 1; }
    var px = function (p) { return L + (p >= 100 ? xmax : Math.min(5, -Math.log10(1 - p / 100))) / xmax * (W - L - R); };
    var py = function (ns) { return T + (1 - (Math.log10(Math.max(ns, Math.pow(10, lo))) - lo) / (hi - lo)) * (H - T - B); };
    var s = svg('svg', { width: W, height: H, role: 'img' });
    s.appendChild(svg('title', {}, m.name + ': percentiles of wait and hold times'));
    for (var e = lo; e <= hi; e++) {
      s.appendChild(svg('line', { x1: L, x2: W - R, y1: py(Math.pow(10, e)), y2: py(Math.pow(10, e)), stroke: '#eee' }));
      s.appendChild(svg('text', { x: L - 4, y: py(Math.pow(10, e)) + 4, 'font-size': 10, 'text-anchor': 'end' }, dur(Math.pow(10, e))));
    }
    [[0, '0%'], [90, '90%'], [99, '99%'], [99.9, '99.9%'], [99.99, '99.99%'], [100, 'max']].forEach(function (t) {
      s.appendChild(svg('line', { x1: px(t[0]), x2: px(t[0]), y1: T, y2: H - B, stroke: '#eee' }));
      s.appendChild(svg('text', { x: px(t[0]), y: H - B + 14, 'font-size': 10, 'text-anchor': 'middle' }, t[1]));
    });
    s.appendChild(svg('text', { x: (L + W) / 2, y: H - 4, 'font-size': 10, 'text-anchor': 'middle' }, 'percentile'));
    var colors = { 'wait to acquire': COLOR.acquire, 'hold': COLOR.hold, 'in wait()': '#7f8c8d' };
    series.forEach(function (se) {
      var pts = se.points.map(function (p) { return px(p[0]).toFixed(1) + ',' + py(p[1]).toFixed(1); }).join(' ');
      var line = svg('polyline', { points: pts, fill: 'none', stroke: colors[se.name] || '#333', 'stroke-width': 2 });
      line.appendChild(svg('title', {}, se.name + ': ' + count(se.count) + ' timed'));
      s.appendChild(line);
    });
    box.appendChild(s);
    var lg = el('div', 'gs-legend');
    series.forEach(function (se) {
      var item = el('span'), sw = el('span', 'gs-key');
      sw.style.background = colors[se.name] || '#333';
      item.appendChild(sw);
      item.appendChild(document.createTextNode(se.name + ' (' + count(se.count) + ')'));
      lg.appendChild(item);
    });
    box.appendChild(lg);
    return box;
  }

  function shares(m) {
    var box = el('div', 'gs-shares');
    box.appendChild(el('h3', null, 'per-thread shares'));
    var rows = [['acquisitions', 'acquisitions', count], ['timed holds', 'holdNanos', dur], ['wait time', 'waitNanos', dur]];
    if (!m.exact) { rows = rows.slice(2); }
    rows.forEach(function (row) {
      var total = m.shares.reduce(function (a, s) { return a + s[row[1]]; }, 0);
      if (total <= 0) { return; }
      var r = el('div', 'gs-share-row');
      r.appendChild(el('span', 'gs-share-name', row[0]));
      var bar = el('div', 'gs-share-bar');
      m.shares.forEach(function (s, i) {
        if (s[row[1]] <= 0) { return; }
        var seg = el('div');
        seg.style.width = (100 * s[row[1]] / total) + '%';
        seg.style.background = PALETTE[i % PALETTE.length];
        seg.title = s.thread + ': ' + row[2](s[row[1]]) + ' (' + (100 * s[row[1]] / total).toFixed(1) + '%)';
        bar.appendChild(seg);
      });
      r.appendChild(bar);
      box.appendChild(r);
    });
    var lg = el('div', 'gs-legend');
    m.shares.forEach(function (s, i) {
      var item = el('span'), sw = el('span', 'gs-key');
      sw.style.background = PALETTE[i % PALETTE.length];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(s.thread));
      lg.appendChild(item);
    });
    box.appendChild(lg);
    return box;
  }

  // ---- wiring ------------------------------------------------------------------------------

  var root = document.getElementById('gs-timeline');
  var timeline = null;
  if (root && data.timeline && data.timeline.lanes.length) {
    timeline = new Timeline(root, data.timeline, data.findings, data.durationNanos);
  } else if (root) {
    root.appendChild(el('p', 'gs-notes', 'no thread intervals in this recording'));
  }
  document.querySelectorAll('.finding[data-finding]').forEach(function (div) {
    if (!timeline) { return; }
    var i = Number(div.getAttribute('data-finding'));
    var b = el('button', 'gs-show', 'show on timeline');
    b.type = 'button';
    b.addEventListener('click', function () {
      timeline.select(i);
      root.scrollIntoView({ behavior: 'auto', block: 'start' });
    });
    div.appendChild(b);
  });
  document.querySelectorAll('.gs-monitor[data-monitor]').forEach(function (div) {
    var m = data.monitors[Number(div.getAttribute('data-monitor'))];
    if (!m) { return; }
    var charts = el('div', 'gs-charts');
    charts.appendChild(distributions(m));
    charts.appendChild(shares(m));
    div.appendChild(charts);
  });
})();
