package dev.pceworkbench.pce.model;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list over an array that, unlike {@code List.of}, may hold nulls (the PCE sends
 * them): one small object instead of an ArrayList and its unmodifiable wrapper, which matters when
 * hundreds of thousands of rules each hold several lists.
 */
final class ArrayListView<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] items;

    ArrayListView(Object[] items) {
        this.items = items;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    // Without iterators: value records holding lists are compared and hashed when shared.
    @Override
    public boolean equals(Object o) {
        if (o instanceof ArrayListView<?> other) {
            return java.util.Arrays.equals(items, other.items);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(items);
    }
}
