import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { FieldCipher } from './field-cipher';
import { loadOrCreateKeyFile } from './key-file';

@Global()
@Module({
  providers: [
    {
      provide: FieldCipher,
      inject: [AppConfig],
      useFactory: (config: AppConfig): FieldCipher => {
        if (config.FIELD_ENCRYPTION_KEY) return new FieldCipher(Buffer.from(config.FIELD_ENCRYPTION_KEY, 'base64'));
        const path = join(config.KEYS_DIR, 'field-encryption.key');
        new Logger('FieldCipher').warn(`FIELD_ENCRYPTION_KEY not set: using the development key file ${path}`);
        return new FieldCipher(Buffer.from(loadOrCreateKeyFile(path, () => randomBytes(32).toString('base64')), 'base64'));
      },
    },
  ],
  exports: [FieldCipher],
})
export class CryptoModule {}
