// The entry point make bench-peers bundles with esbuild into
// node_modules/.bench/text-annotator.js (global RecogitoJS): the package's
// ES module with its dependencies, process.env.NODE_ENV defined (its own
// UMD build leaves it to a bundler and fails in a browser).
export { createTextAnnotator } from '@recogito/text-annotator';
