import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { config, SECRET_KEY_HOWTO } from '@/lib/config';
import { AppError } from '@/lib/errors';

// A sealed value is `v1:` + base64 of IV (12 bytes) · ciphertext · GCM tag (16 bytes): AES-256-GCM
// with VERSUS_SECRET_KEY. The database alone reveals nothing; a changed byte fails to open.
const VERSION = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyOrRefuse(key: Buffer | null | undefined): Buffer {
  if (key) return key;
  throw new AppError(
    'bad_request',
    `Versus stores API keys and headers only encrypted, and VERSUS_SECRET_KEY is not set: ${SECRET_KEY_HOWTO}, set it in the environment and restart.`,
  );
}

/** The text, encrypted and authenticated; refuses without a secret key. */
export function seal(plain: string, key: Buffer | null | undefined = config.secretKey): string {
  const secret = keyOrRefuse(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** What `seal` sealed; an AppError when the key is missing or not the one it was sealed with. */
export function open(sealed: string, key: Buffer | null | undefined = config.secretKey): string {
  const secret = keyOrRefuse(key);
  const bytes = sealed.startsWith(VERSION)
    ? Buffer.from(sealed.slice(VERSION.length), 'base64')
    : null;
  if (!bytes || bytes.length < IV_BYTES + TAG_BYTES) {
    throw new AppError('internal', 'A stored backend key is not in a form Versus can read.');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new AppError(
      'backend_unauthorized',
      'A stored backend key cannot be decrypted: VERSUS_SECRET_KEY is not the key it was saved with. Restore that key, or enter the backend’s key again on the Backends page.',
      { cause: error },
    );
  }
}
