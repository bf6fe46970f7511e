/**
 * The profile store (module {@code store}): self-describing JSON profile documents with provenance, and a
 * run log that makes long profiling runs resumable after a crash or kill. {@link org.configspec.store.ProfileStore}
 * is the seam; {@link org.configspec.store.SqliteProfileStore} (one file per device, the default
 * {@code ~/.configspec/profiles.db} or {@code $CONFIGSPEC_STORE}) and
 * {@link org.configspec.store.PostgresProfileStore} (one database for a fleet) share one schema, versioned by
 * Flyway in {@code db/migration/store}. {@link org.configspec.store.StoreCatalog} turns stored draft and
 * acceptance documents into a core catalog; {@link org.configspec.store.JsonLines} moves documents between
 * stores. Document shapes: {@code store-documents.md} (a resource of this module).
 */
package org.configspec.store;
