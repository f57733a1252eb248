import { SetMetadata } from '@nestjs/common';

export const SEALED_REPLAY = 'village-council:sealed-replay';

/**
 * The stored answer to a retried write on this route is encrypted with a key derived from the
 * client's Idempotency-Key, which the server never stores (only its hash): the replay still works
 * for the client that holds the key, but the idempotency table cannot be read to link a request to
 * its answer. Used where the answer itself is a secret, e.g. a secret ballot's receipt code.
 */
export const SealedReplay = (): MethodDecorator => SetMetadata(SEALED_REPLAY, true);
