export { CanonicalJsonError, canonicalJson, compareUtf16 } from './canonical-json';
export type { JsonValue } from './canonical-json';
export {
  AuditEventFormatError,
  eventHashPreimage,
  GENESIS_HASH,
  hashEvent,
  hashHexToBytes,
  isHashHex,
  isIsoUtcMillis,
} from './audit-hash';
export type { AuditEventContent } from './audit-hash';
export { ChainVerifier } from './chain-verifier';
export { movedFromSeq, movedRowMessage } from './moved-row';
export { consistencyProofRanges, inclusionProofRanges, StreamingProofBuilder } from './streaming-proof';
export type { LeafRange } from './streaming-proof';
export type {
  AuditChainRow,
  ChainHead,
  ChainProblem,
  ChainProblemKind,
  ChainVerdict,
  ChainVerifierOptions,
} from './chain-verifier';
export {
  consistencyProof,
  EMPTY_TREE_ROOT,
  inclusionProof,
  leafHash,
  MerkleAccumulator,
  merkleRoot,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
export {
  CHECKPOINT_DOMAIN_SEPARATOR,
  CheckpointFormatError,
  checkpointMessage,
  generateSigningKeyPair,
  keyId,
  loadPrivateKey,
  loadPublicKey,
  privateKeyPem,
  publicKeyPem,
  rawPublicKey,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint-signature';
export type { CheckpointStatement } from './checkpoint-signature';
