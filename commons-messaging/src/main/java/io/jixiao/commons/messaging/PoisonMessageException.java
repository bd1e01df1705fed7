package io.jixiao.commons.messaging;

/**
 * A record that can never be processed (not JSON, wrong schema, missing fields). Thrown by consumers so
 * that the Kafka connector's dead-letter strategy moves the record to the dead-letter topic with this
 * message as its {@code dead-letter-reason}, and the consumer goes on with the next record.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
