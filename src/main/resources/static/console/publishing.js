// The composer's live limits: each variant's text length (counted the way its platform counts)
// and media count, against the limits the page renders from the platform adapters.
(() => {
  "use strict";
  const URL_PATTERN = /https?:\/\/\S+/g;
  // X weighs most Latin, punctuation and general symbols 1, everything else (CJK, emoji) 2, a URL 23.
  const LIGHT = [[0x0000, 0x10ff], [0x2000, 0x200d], [0x2010, 0x201f], [0x2032, 0x2037]];
  const weighted = (text) => {
    let length = 0;
    const rest = text.replace(URL_PATTERN, () => { length += 23; return ""; });
    for (const character of rest) {
      const point = character.codePointAt(0);
      length += LIGHT.some(([from, to]) => point >= from && point <= to) ? 1 : 2;
    }
    return length;
  };
  const counters = {
    x: [weighted, "weighted characters"],
    youtube: [(text) => new TextEncoder().encode(text).length, "bytes"],
    tiktok: [(text) => text.length, "characters"],
  };
  const plain = [(text) => [...text].length, "characters"];

  const show = (field, used, max, min, unit) => {
    const counter = document.getElementById(field.id + "-count");
    if (!counter) return;
    counter.textContent = `${used} / ${max} ${unit}` + (min > 0 ? ` (at least ${min})` : "");
    counter.classList.toggle("over", used > max || used < min);
  };

  const watch = (variant) => {
    const [count, unit] = counters[variant.dataset.platform] || plain;
    const text = variant.querySelector("[data-counts=text]");
    const media = variant.querySelector("[data-counts=media]");
    const maxText = Number(variant.dataset.maxText);
    const minMedia = Number(variant.dataset.minMedia);
    const maxMedia = Number(variant.dataset.maxMedia);
    const update = () => {
      if (text) show(text, count(text.value), maxText, 0, unit);
      if (media) {
        const items = media.value.split(/\r?\n/).filter((line) => line.trim() !== "").length;
        show(media, items, maxMedia, minMedia, "media");
      }
    };
    variant.addEventListener("input", update);
    update();
  };

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("fieldset.variant[data-max-text]").forEach(watch);
  });
})();
