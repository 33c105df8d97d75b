/* The network view: fetches the graph from the JSON API and draws it with Cytoscape.js.
   Names go into the page only through textContent, never as markup. */
(function () {
  "use strict";
  var box = document.getElementById("cy");
  var status = document.getElementById("graph-status");
  var info = document.getElementById("graph-info");
  if (!box || typeof cytoscape !== "function") { return; }

  var css = getComputedStyle(document.documentElement);
  function colour(name) { return css.getPropertyValue("--" + name).trim() || "#64748b"; }
  var TYPES = {
    person: { shape: "ellipse", color: colour("person") },
    organization: { shape: "round-rectangle", color: colour("organization") },
    country: { shape: "hexagon", color: colour("country") },
    place: { shape: "diamond", color: colour("place") },
    channel: { shape: "tag", color: colour("channel") }
  };

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function show(parts) {
    info.replaceChildren.apply(info, parts);
  }

  var nodeBase = box.dataset.nodeBase || "/entities/";   // channel pages set their own

  function nodeInfo(n) {
    var d = n.data();
    var entity = nodeBase + encodeURIComponent(d.id);
    show([
      el("h4", d.label),
      el("p", d.type + (d.kind ? " · " + d.kind.replace(/_/g, " ") : "") +
              " · " + n.degree() + " link" + (n.degree() === 1 ? "" : "s")),
      (function () {
        var p = el("p");
        if (box.dataset.nodeBase) {
          p.append(el("a", "Channel page", { href: entity }));
        } else {
          p.append(el("a", "Entity page", { href: entity }), " · ",
                   el("a", "Centre here", { href: entity + "/graph" + window.location.search }));
        }
        return p;
      })()
    ]);
  }

  function edgeInfo(e) {
    var d = e.data();
    show([
      el("h4", d.label.replace(/_/g, " ")),
      el("p", e.source().data("label") + " → " + e.target().data("label")),
      el("p", d.dates.length ? (d.kind === "event" ? "Date: " : "Reported: ") + d.dates.join(", ")
                             : "No date")
    ]);
  }

  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (r) {
      if (!r.ok) { throw new Error("the server answered " + r.status); }
      return r.json();
    })
    .then(function (g) {
      var elements = g.nodes.map(function (n) {
        return { data: { id: n.id, label: n.name, type: n.type, kind: n.kind, depth: n.depth },
                 classes: n.id === g.center.id ? "center" : "" };
      }).concat(g.edges.map(function (e) {
        return { data: { id: e.id, source: e.source, target: e.target,
                         label: e.label.replace(/_/g, " "),
                         kind: e.kind, dates: e.dates }, classes: e.kind };
      }));
      var style = [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 10, "font-family": "system-ui, sans-serif",
          "color": "#1c2230", "text-valign": "bottom", "text-margin-y": 4,
          "text-wrap": "ellipsis", "text-max-width": 140, "width": 22, "height": 22,
          "background-color": "#64748b", "border-width": 2, "border-color": "#fff",
          "text-background-color": "#fff", "text-background-opacity": 0.8,
          "text-background-padding": 1 } },
        { selector: "node.center", style: { "width": 36, "height": 36, "font-size": 13,
                                            "font-weight": "bold", "border-color": "#1c2230" } },
        { selector: "edge", style: {
          "width": 1.5, "line-color": "#98a2b3", "target-arrow-color": "#98a2b3",
          "target-arrow-shape": "triangle", "arrow-scale": 0.8, "curve-style": "bezier",
          "label": "data(label)", "font-size": 7, "color": "#667085",
          "text-rotation": "autorotate", "text-background-color": "#fff",
          "text-background-opacity": 0.85, "text-background-padding": 1 } },
        { selector: "edge.event", style: { "line-style": "dashed", "line-color": "#d97706",
                                           "target-arrow-color": "#d97706" } },
        { selector: ":selected", style: { "border-color": "#ea580c", "line-color": "#ea580c",
                                          "target-arrow-color": "#ea580c" } }
      ];
      Object.keys(TYPES).forEach(function (t) {
        style.push({ selector: 'node[type = "' + t + '"]',
                     style: { "shape": TYPES[t].shape, "background-color": TYPES[t].color } });
      });
      if (g.edges.length > 30) {   // too many to read at once: label links on demand
        style.push({ selector: "edge", style: { "label": "" } });
        style.push({ selector: "edge:selected, edge.hover", style: { "label": "data(label)" } });
      }
      var cy = cytoscape({
        container: box, elements: elements, style: style,
        layout: {   // rings by distance from the centre entity
          name: "concentric", animate: false, padding: 40, minNodeSpacing: 46,
          startAngle: 3 / 2 * Math.PI, avoidOverlap: true,
          concentric: function (n) { return 10 - n.data("depth"); },
          levelWidth: function () { return 1; }
        }
      });
      cy.on("mouseover", "edge", function (evt) { evt.target.addClass("hover"); });
      cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("hover"); });
      cy.on("tap", "node", function (evt) { nodeInfo(evt.target); });
      cy.on("tap", "edge", function (evt) { edgeInfo(evt.target); });
      cy.on("dbltap", "node", function (evt) {
        window.location.href = nodeBase + encodeURIComponent(evt.target.id());
      });
      window.cy = cy;   // for the browser tests and the curious
      status.textContent = g.nodes.length + (box.dataset.nodeBase ? " channels, " : " entities, ") +
        g.edges.length + " links" +
        (g.truncated ? " (cut short at the node limit)" : "") + ". Double-click a node to open it.";
      box.dataset.ready = "true";
    })
    .catch(function (err) {
      status.textContent = "Could not load the graph: " + err.message;
      box.dataset.ready = "error";
    });
}());
