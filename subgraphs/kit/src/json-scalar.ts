/**
 * The `JSON` scalar: any JSON value, as is (the `fhir` fields return whole FHIR resources). Output
 * only in our schemas; as input it takes any JSON literal or variable.
 */
import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** `JSON`: a JSON value, passed through unchanged. */
export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value, for example a whole FHIR R4 resource.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
