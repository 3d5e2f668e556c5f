package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.OneTimeCodeMacPort;
import cn.egov.projects.application.view.OtpAlgorithm;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SM3 and HMAC-SHA-1 with BouncyCastle directly, as the tests compute one-time codes. */
public final class TestOneTimeCodeMacs implements OneTimeCodeMacPort {

    @Override
    public byte[] mac(OtpAlgorithm algorithm, byte[] key, byte[] message) {
        Digest digest = algorithm == OtpAlgorithm.SM3 ? new SM3Digest() : new SHA1Digest();
        HMac hmac = new HMac(digest);
        hmac.init(new KeyParameter(key));
        hmac.update(message, 0, message.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }
}
