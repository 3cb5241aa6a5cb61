// The editor in plain Dutch: the phrases Decap CMS's Dutch translation lacks, and the few
// words that come from outside its translations ("No options" of the select lists,
// "Loading configuration..." before the settings are read). Loaded after decap-cms.js.
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || !CMS.registerLocale || !CMS.getLocale) return;

  // Added to Decap's own Dutch (and to the English it shows before the settings are read).
  var missing = {
    app: { app: { loadingConfig: "Instellingen laden..." } },
    collection: {
      collectionTop: { viewAsList: "Als lijst", viewAsGrid: "Als tegels" },
      entries: { unpublishedHeader: "Niet gepubliceerd" },
    },
    editor: {
      editorControl: { field: { widgetLabel: "veld %{widgetLabel}" } },
      editorControlPane: {
        widget: {
          // Our own checks say what to do; "komt niet overeen met het patroon" is jargon.
          regexPattern: "%{fieldLabel}: %{pattern}.",
          invalidPath: "'%{path}' is geen geldig pad",
          pathExists: "'%{path}' bestaat al",
        },
      },
      editorToolbar: {
        statusInfoTooltipDraft: "Dit is een concept. Zet het op 'Wacht op controle' als het klaar is om na te kijken.",
        statusInfoTooltipInReview: "Iemand kijkt dit na. Je kunt nog steeds iets veranderen.",
      },
      editorWidgets: {
        markdown: {
          strikethrough: "Doorhalen",
          toggleMode: { rich: "Naar rijke tekst", markdown: "Naar Markdown" },
        },
        image: { chooseMultiple: "Kies afbeeldingen", addMore: "Meer afbeeldingen", removeAll: "Alle afbeeldingen weghalen" },
        file: { chooseMultiple: "Kies bestanden", addMore: "Meer bestanden", removeAll: "Alle bestanden weghalen" },
        datetime: { setToNow: "%{fieldLabel} op nu zetten" },
        list: { addType: "Voeg %{item} toe" },
        object: { expand: "Openklappen", collapse: "Dichtklappen" },
      },
    },
    mediaLibrary: { mediaLibraryModal: { close: "Sluiten" } },
    ui: { settingsDropdown: { account: "Account" } },
  };

  function merged(base, extra) {
    var out = {};
    var key;
    for (key in base) if (Object.prototype.hasOwnProperty.call(base, key)) out[key] = base[key];
    for (key in extra) {
      if (!Object.prototype.hasOwnProperty.call(extra, key)) continue;
      var both = out[key] && typeof out[key] === "object" && typeof extra[key] === "object";
      out[key] = both ? merged(out[key], extra[key]) : extra[key];
    }
    return out;
  }

  var nl = CMS.getLocale("nl");
  if (nl) CMS.registerLocale("nl", merged(nl, missing));
  var en = CMS.getLocale("en");
  if (en) CMS.registerLocale("en", merged(en, { app: { app: { loadingConfig: "Instellingen laden..." } } }));

  // Words that no translation reaches: replaced where they appear, as text only.
  var words = { "No options": "Geen keuzes", "Loading configuration...": "Instellingen laden...", "Loading...": "Laden..." };

  function translate(node) {
    if (node.nodeType === 3) {
      var text = node.nodeValue.trim();
      if (Object.prototype.hasOwnProperty.call(words, text)) node.nodeValue = words[text];
      return;
    }
    if (node.nodeType !== 1 || !node.textContent || node.textContent.length > 40) return;
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) translate(walker.currentNode);
  }

  function start() {
    translate(document.body);
    new MutationObserver(function (changes) {
      for (var i = 0; i < changes.length; i++) {
        var change = changes[i];
        if (change.type === "characterData") translate(change.target);
        for (var j = 0; j < change.addedNodes.length; j++) translate(change.addedNodes[j]);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
