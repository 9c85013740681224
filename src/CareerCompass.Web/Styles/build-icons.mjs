// Writes wwwroot/icons.svg: one <symbol id="NAME"> per name in icons.txt, from bootstrap-icons' own SVG files.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const names = readFileSync(join(here, "icons.txt"), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

const symbols = names.map((name) => {
  const svg = readFileSync(join(here, "node_modules/bootstrap-icons/icons", `${name}.svg`), "utf8");
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1] ?? "0 0 16 16";
  const body = svg.replace(/^[\s\S]*?<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "").replace(/\s*\n\s*/g, "");
  return `<symbol id="${name}" viewBox="${viewBox}">${body}</symbol>`;
});

const out = process.argv[2];
writeFileSync(out, `<svg xmlns="http://www.w3.org/2000/svg">\n<!-- bootstrap-icons ${JSON.parse(readFileSync(join(here, "node_modules/bootstrap-icons/package.json"), "utf8")).version} (MIT, https://icons.getbootstrap.com): built by scripts/build-css.sh from Styles/icons.txt -->\n${symbols.join("\n")}\n</svg>\n`);
