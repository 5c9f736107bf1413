package dev.pceworkbench.pce.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;

import java.io.IOException;

/**
 * The shared mapper's JSON factory: Jackson's own, plus parsers for {@link ParallelArrayReader}'s
 * batches ({@link BatchParser}) that can step over an object whose end is already known, without
 * reading its tokens.
 */
final class BatchJsonFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    BatchJsonFactory() {
    }

    private BatchJsonFactory(BatchJsonFactory src, ObjectCodec codec) {
        super(src, codec);
    }

    @Override
    public JsonFactory copy() {
        return new BatchJsonFactory(this, null);
    }

    /**
     * A parser over {@code bytes[0, length)}, UTF-8 (a batch of a JSON array's elements, cut by
     * the reader's byte scan, which only reads UTF-8), with this factory's settings and codec.
     */
    BatchParser batchParser(byte[] bytes, int length) {
        IOContext ctxt = _createContext(_createContentReference(bytes, 0, length), false);
        return new BatchParser(ctxt, _parserFeatures, _objectCodec, _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
                bytes, length);
    }

    /** Jackson's UTF-8 parser over one batch's bytes, which can step over a known object. */
    static final class BatchParser extends UTF8StreamJsonParser {
        BatchParser(IOContext ctxt, int features, ObjectCodec codec, ByteQuadsCanonicalizer symbols, byte[] bytes,
                    int length) {
            super(ctxt, features, null, codec, symbols, bytes, 0, length, false);
        }

        /**
         * On the START_OBJECT of an object whose bytes end just before {@code end} (checked by the
         * caller against bytes read before), moves to its END_OBJECT as reading its tokens would:
         * the same position, the same enclosing context.
         */
        void skipObjectTo(int end) throws IOException {
            if (_currToken != JsonToken.START_OBJECT || end <= _inputPtr || end > _inputEnd) {
                throw new IOException("Cannot step over an object ending at byte " + end + " from byte " + _inputPtr);
            }
            _inputPtr = end;
            _parsingContext = _parsingContext.clearAndGetParent();
            _currToken = JsonToken.END_OBJECT;
        }
    }
}
