package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.OtpAlgorithm;

/**
 * The keyed MAC under one-time codes (HMAC-SM3 or HMAC-SHA-1), behind a port because SM3 comes from a cryptographic
 * provider that the core does not depend on. In production a certified cryptographic module may take its place.
 */
public interface OneTimeCodeMacPort {

    /** The HMAC of the message under the key. */
    byte[] mac(OtpAlgorithm algorithm, byte[] key, byte[] message);
}
