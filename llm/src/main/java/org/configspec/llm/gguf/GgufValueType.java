package org.configspec.llm.gguf;

/** GGUF metadata value types (ids as in the GGUF v3 specification). */
public enum GgufValueType {
    UINT8, INT8, UINT16, INT16, UINT32, INT32, FLOAT32, BOOL, STRING, ARRAY, UINT64, INT64, FLOAT64;

    /** The type with this id, or null. */
    public static GgufValueType byId(int id) {
        return id >= 0 && id < values().length ? values()[id] : null;
    }

    /** Byte size of a scalar of this type; -1 for STRING and ARRAY. */
    public int size() {
        switch (this) {
            case UINT8: case INT8: case BOOL: return 1;
            case UINT16: case INT16: return 2;
            case UINT32: case INT32: case FLOAT32: return 4;
            case UINT64: case INT64: case FLOAT64: return 8;
            default: return -1;
        }
    }
}
