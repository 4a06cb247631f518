/**
 * `Patient/{id}/$everything`: the patient and the records about them the caller may read, each
 * fetched as its own search (so each is admitted, scoped and audited on its own). A kind the
 * caller may not read (403) is left out rather than failing the whole answer; the first 100 of
 * each kind are returned (no paging of the result yet).
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { searchsetBundle } from './bundle.ts';
import { FhirError } from './outcome.ts';
import type { FhirInstanceOperation } from './routes.ts';
import type { FhirResourceType, FhirSettings } from './resources/resource-type.ts';
import { MAX_COUNT } from './search-params.ts';

/**
 * The operation over the given types.
 * @param patient - the Patient type (its read decides 401/403/404 for the whole answer)
 * @param related - the types searched by `patient`
 * @param settings - the facade's settings
 */
export function everythingOperation(patient: FhirResourceType, related: readonly FhirResourceType[], settings: FhirSettings): FhirInstanceOperation {
  return {
    type: 'Patient',
    name: 'everything',
    definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
    async run(gql, id, base): Promise<Bundle> {
      const subject = await patient.read(gql, id, settings);
      const search = { values: new Map([['patient', [`Patient/${id}`]]]), count: MAX_COUNT };
      const pages = await Promise.allSettled(related.map((type) => type.search(gql, search, settings)));
      const resources: Resource[] = [subject];
      pages.forEach((page) => {
        if (page.status === 'fulfilled') return void resources.push(...page.value.resources);
        // Not the caller's to read: left out. Anything else fails the answer.
        if (!(page.reason instanceof FhirError && page.reason.status === 403)) throw page.reason;
      });
      return searchsetBundle({ resources, total: resources.length }, base, new URL(`${base}/Patient/${id}/$everything`));
    },
  };
}
