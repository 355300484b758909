/**
 * The @nestjs/swagger compiler plugin, as every compilation of the app runs it (scripts/build.js, and ts-jest through
 * test/support/swagger-plugin.transformer.js): it reads DTO property types, class-validator rules and doc comments
 * into the OpenAPI metadata, so openapi.json depends on it.
 */
const plugin = require('@nestjs/swagger/plugin');

const options = { classValidatorShim: true, introspectComments: true };

/** The `before` transformer for a program (the plugin resolves types through its checker). */
module.exports = { swaggerTransformer: (program) => plugin.before(options, program) };
