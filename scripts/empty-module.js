// Stands in for optional packages left out of the bundle (see scripts/bundle.mjs).
export default {};
export const connectToDevTools = () => {};
