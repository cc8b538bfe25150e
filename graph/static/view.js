/* actorgraph network view: draws the embedded network with vis-network and runs the sidebar.
 *
 * Everything shown from the data is inserted with textContent or as attribute values of elements
 * built here, never as HTML, so article text cannot inject markup or script. Only http(s) URLs
 * become links. window.actorgraph exposes the DataSets and the network for tests and the console.
 */
(function () {
  "use strict";

  var EVIDENCE_SHOWN = 3;      // evidence sentences shown before "show all"
  var RELATIONS_SHOWN = 12;    // relations listed in an actor's panel

  var data = JSON.parse(document.getElementById("actorgraph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hiddenTypes = new Set();
  var hiddenRelations = new Set();
  var typeOf = new Map();
  data.nodes.forEach(function (node) { typeOf.set(node.id, node.atype); });

  var nodeView = new vis.DataView(nodes, { filter: function (node) { return !hiddenTypes.has(node.atype); } });
  var edgeView = new vis.DataView(edges, {
    filter: function (edge) {
      return !hiddenRelations.has(edge.relation) && !hiddenTypes.has(typeOf.get(edge.from)) &&
        !hiddenTypes.has(typeOf.get(edge.to));
    }
  });
  var network = new vis.Network(document.getElementById("network"), { nodes: nodeView, edges: edgeView }, data.options);
  var panel = document.getElementById("panel");
  var api = { nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, network: network, ready: false };
  window.actorgraph = api;

  // ------------------------------------------------------------------ ready signal (tests, benchmark)
  function markReady() {
    if (api.ready) { return; }
    api.ready = true;
    api.readyMs = performance.now();
    document.body.setAttribute("data-ready", "true");
  }
  if (data.nodes.length === 0) {
    markReady();
  } else if (data.options.physics.enabled) {
    var afterStable = function () { network.once("afterDrawing", markReady); network.redraw(); };
    network.once("stabilizationIterationsDone", afterStable);
    network.once("stabilized", afterStable);
  } else {
    network.once("afterDrawing", markReady);
  }

  // ------------------------------------------------------------------ small DOM helpers
  function el(tag, attributes) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") { element.textContent = attributes.text; } else { element.setAttribute(name, attributes[name]); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) { continue; }
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return element;
  }

  function safeUrl(url) {
    if (!url) { return null; }
    try {
      var parsed = new URL(url);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function label(id) {
    var node = nodes.get(id);
    return node ? node.label : String(id);
  }

  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  function show() {
    var parts = Array.prototype.filter.call(arguments, function (part) { return part; });
    panel.replaceChildren.apply(panel, parts);
  }

  // ------------------------------------------------------------------ actor panel
  function showNode(id) {
    var node = nodes.get(id);
    if (!node) { return; }
    var connected = edges.get({ filter: function (edge) { return edge.from === id || edge.to === id; } });
    connected.sort(function (a, b) { return b.weight - a.weight || a.relation.localeCompare(b.relation); });
    var list = el("ul", { "class": "relations" });
    connected.slice(0, RELATIONS_SHOWN).forEach(function (edge) {
      var arrow = edge.symmetric ? " ↔ " : " → ";
      var button = el("button", { type: "button", title: "show the evidence" },
        label(edge.from) + " · " + edge.relation + arrow + label(edge.to) + " (" + plural(edge.weight, "article") + ")");
      button.addEventListener("click", function () { selectEdge(edge.id); });
      list.appendChild(el("li", {}, button));
    });
    show(
      el("h2", { text: node.label }),
      el("p", {}, el("span", { "class": "badge", text: node.atype }), " ", el("span", { "class": "meta", text: "id: " + node.id })),
      node.aliases && node.aliases.length ? el("p", { "class": "meta", text: "Also known as: " + node.aliases.join(", ") }) : null,
      el("p", { "class": "meta", text: plural(connected.length, "relation") + " · centrality " + node.score }),
      el("h3", { text: "Top relations" }),
      connected.length ? list : el("p", { "class": "meta", text: "none" }),
      connected.length > RELATIONS_SHOWN ? el("p", { "class": "meta", text: "… and " + (connected.length - RELATIONS_SHOWN) + " more" }) : null
    );
  }

  // ------------------------------------------------------------------ relation panel
  function evidenceItem(item) {
    var cite = el("div", { "class": "cite" });
    var parts = [item.title, item.source, item.date].filter(Boolean);
    cite.appendChild(document.createTextNode(parts.length ? parts.join(" — ") : (item.doc || "unknown source")));
    var url = safeUrl(item.url);
    if (url) {
      cite.appendChild(document.createTextNode(" "));
      cite.appendChild(el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow", text: "open article ↗" }));
    }
    return el("li", {},
      el("blockquote", { text: item.evidence }),
      cite,
      el("div", { "class": "meta" },
        item.hedged ? el("span", { "class": "badge hedged", text: "hedged" }) : null,
        "confidence " + item.confidence));
  }

  function showEdge(id) {
    var edge = edges.get(id);
    if (!edge) { return; }
    var evidence = edge.evidence || [];
    var list = el("ol", { "class": "evidence" });
    evidence.slice(0, EVIDENCE_SHOWN).forEach(function (item) { list.appendChild(evidenceItem(item)); });
    var more = null;
    if (evidence.length > EVIDENCE_SHOWN) {
      more = el("button", { type: "button", text: "Show all " + evidence.length + " evidence sentences" });
      more.addEventListener("click", function () {
        evidence.slice(EVIDENCE_SHOWN).forEach(function (item) { list.appendChild(evidenceItem(item)); });
        more.remove();
      });
    }
    var dates = [edge.first_seen, edge.last_seen].filter(Boolean);
    var notEmbedded = edge.claims - evidence.length;
    show(
      el("h2", { text: label(edge.from) + (edge.symmetric ? " ↔ " : " → ") + edge.relation + (edge.symmetric ? " ↔ " : " → ") + label(edge.to) }),
      el("p", {},
        el("span", { "class": "badge", text: edge.relation }),
        edge.hedged_only ? el("span", { "class": "badge hedged", text: "hedged only" }) : null),
      el("p", {
        "class": "meta",
        text: plural(edge.weight, "article") + " · " + plural(edge.claims, "claim") + " · highest confidence " +
          edge.confidence + (dates.length ? " · " + Array.from(new Set(dates)).join(" to ") : "")
      }),
      el("h3", { text: "Evidence" }),
      evidence.length ? list : el("p", { "class": "meta", text: "no evidence sentence stored" }),
      more,
      notEmbedded > 0 ? el("p", { "class": "meta", text: "… " + plural(notEmbedded, "more claim") + " not included in this file" }) : null
    );
  }

  function selectEdge(id) {
    network.selectEdges([id]);
    showEdge(id);
  }

  function selectNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
    showNode(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); } else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  // ------------------------------------------------------------------ search
  var names = document.getElementById("actor-names");
  data.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (node) {
    names.appendChild(el("option", { value: node.label }));
  });
  var status = document.getElementById("search-status");

  function findActor(text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) { return null; }
    var exact = nodes.get({
      filter: function (node) {
        return node.label.toLowerCase() === wanted || String(node.id).toLowerCase() === wanted ||
          (node.aliases || []).some(function (alias) { return alias.toLowerCase() === wanted; });
      }
    });
    if (exact.length) { return exact[0]; }
    var partial = nodes.get({
      filter: function (node) {
        return node.label.toLowerCase().indexOf(wanted) >= 0 ||
          (node.aliases || []).some(function (alias) { return alias.toLowerCase().indexOf(wanted) >= 0; });
      }
    });
    partial.sort(function (a, b) { return b.score - a.score; });
    return partial.length ? partial[0] : null;
  }

  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = document.getElementById("search").value;
    var node = findActor(text);
    if (!node) {
      status.textContent = "No actor matches “" + text + "”.";
    } else if (hiddenTypes.has(node.atype)) {
      status.textContent = node.label + " is a " + node.atype + ", hidden by the filters below.";
      showNode(node.id);
    } else {
      status.textContent = "";
      selectNode(node.id);
    }
  });
  api.findActor = findActor;
  api.showNode = showNode;
  api.showEdge = showEdge;

  // ------------------------------------------------------------------ filters, physics, fit
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      var hidden = box.getAttribute("data-filter") === "type" ? hiddenTypes : hiddenRelations;
      if (box.checked) { hidden.delete(box.value); } else { hidden.add(box.value); }
      nodeView.refresh();
      edgeView.refresh();
    });
  });
  document.getElementById("physics").addEventListener("change", function (event) {
    network.setOptions({ physics: { enabled: event.target.checked } });
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
})();
