/** The e2e project's globalTeardown: drops the template its globalSetup built (template-database.setup.js). */
module.exports = async function dropTemplate() {
  globalThis.dropTemplateDatabase?.();
};
