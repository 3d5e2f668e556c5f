package cn.egov.projects.notify.channel;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMS through an SMS centre over SMPP 3.4 (jsmpp), bound as a transmitter. Chinese text goes as UCS-2 (data coding
 * 0x08), split into concatenated parts with a user data header when it exceeds one message ({@link SmsText}). The
 * session is opened on first use and opened again after a failure.
 */
public final class SmppSmsSender implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmppSmsSender.class);
    private static final GeneralDataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);
    private static final ESMClass PLAIN = new ESMClass();
    private static final ESMClass WITH_UDH = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
            GSMSpecificFeature.UDHI);

    private final SmppSettings settings;
    private final AtomicInteger references = new AtomicInteger();
    private SMPPSession session;

    public SmppSmsSender(SmppSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void send(OutgoingSms sms) {
        List<byte[]> parts = SmsText.encode(sms.text(), references.incrementAndGet() & 0xFF);
        SMPPSession current = session();
        try {
            for (byte[] part : parts) {
                current.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                        settings.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        "86" + sms.mobile(), parts.size() > 1 ? WITH_UDH : PLAIN, (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, UCS2, (byte) 0, part);
            }
        } catch (NegativeResponseException e) {
            throw new DeliveryException("SMS centre refused the message: status " + e.getCommandStatus(), e);
        } catch (Exception e) {
            reset(current);
            throw new DeliveryException("SMS not submitted to " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private synchronized SMPPSession session() {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(settings.timeout().toMillis());
        try {
            fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TX,
                    settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), settings.timeout().toMillis());
        } catch (IOException e) {
            fresh.close();
            throw new DeliveryException("cannot bind to the SMS centre at " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        LOG.info("bound to the SMS centre at {}:{} as {}", settings.host(), settings.port(), settings.systemId());
        session = fresh;
        return fresh;
    }

    private synchronized void reset(SMPPSession broken) {
        if (session == broken && session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }
}
