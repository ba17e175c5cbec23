/** The entry `npm start` runs: `probot run ./dist/index.js`. */
export { default } from "./app.js";
