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
 * reading its tokens. A batch parser is made only with the settings the mapper uses (canonical
 * field names, no input decorator); otherwise, and for a copy made by {@code rebuild()} (a plain
 * factory), batches are read token by token as before.
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

    /** Whether {@link #batchParser} reads as {@code createParser} would with this factory's settings. */
    boolean makesBatchParsers() {
        return getInputDecorator() == null && isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES);
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

        /** Whether {@link #skipObjectTo} keeps every count the parser keeps (no token-count limit to enforce). */
        boolean canStep() {
            return !_trackMaxTokenCount;
        }

        /**
         * On the START_OBJECT of an object at {@code start} whose bytes end just before {@code end}
         * (checked by the caller against bytes read before) and hold {@code newlines} line breaks,
         * the last at {@code lastNewline} (-1 for none), moves to its END_OBJECT as reading its
         * tokens would: the same position, line and enclosing context.
         */
        void skipObjectTo(int start, int end, int newlines, int lastNewline) throws IOException {
            if (_currToken != JsonToken.START_OBJECT || start >= _inputPtr || end <= _inputPtr || end > _inputEnd) {
                throw new IOException("Cannot step over an object ending at byte " + end + " from byte " + _inputPtr);
            }
            _inputPtr = end;
            if (newlines > 0) {
                _currInputRow += newlines;
                _currInputRowStart = lastNewline + 1;
            }
            _parsingContext = _parsingContext.clearAndGetParent();
            _currToken = JsonToken.END_OBJECT;
            _tokenInputTotal = _currInputProcessed + end - 1;
            _tokenInputRow = _currInputRow;
            _tokenInputCol = end - 1 - _currInputRowStart;
        }
    }
}
