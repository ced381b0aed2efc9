import { randomUUID } from "node:crypto";
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";

// The RS256 key the identity service signs access and id tokens with. Its private JWK is part of
// the persisted state, so a restarted sandbox still verifies the tokens it issued before.

export interface SigningKeyJson {
  kid: string;
  privateJwk: JWK;
}

export class SigningKey {
  private constructor(
    readonly kid: string,
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly publicJwk: JWK,
    private readonly privateJwk: JWK,
  ) {}

  static async generate(): Promise<SigningKey> {
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    return SigningKey.fromJSON({
      kid: randomUUID().replaceAll("-", "").toUpperCase(),
      privateJwk: await exportJWK(privateKey),
    });
  }

  static async fromJSON(json: SigningKeyJson): Promise<SigningKey> {
    const { d, p, q, dp, dq, qi, ...publicJwk } = json.privateJwk;
    const privateKey = (await importJWK({ ...json.privateJwk, alg: "RS256" }, "RS256")) as CryptoKey;
    const publicKey = (await importJWK({ ...publicJwk, alg: "RS256" }, "RS256")) as CryptoKey;
    const published: JWK = {
      kty: publicJwk.kty,
      n: publicJwk.n,
      e: publicJwk.e,
      kid: json.kid,
      use: "sig",
      alg: "RS256",
    };
    return new SigningKey(json.kid, privateKey, publicKey, published, json.privateJwk);
  }

  toJSON(): SigningKeyJson {
    return { kid: this.kid, privateJwk: this.privateJwk };
  }

  /** The JWKS document served at the discovery document's `jwks_uri`. */
  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  sign(payload: JWTPayload, expiresAtSeconds: number): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: "RS256", kid: this.kid, typ: "JWT" })
      .setExpirationTime(expiresAtSeconds)
      .sign(this.privateKey);
  }

  /** Verifies signature, issuer, audience and expiry; throws jose's errors (e.g. `JWTExpired`). */
  async verify(token: string, expected: { issuer: string; audience: string }): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, { ...expected, algorithms: ["RS256"] });
    return payload;
  }
}
