package dev.pceworkbench.ui.common;

/**
 * The one lifecycle of a feature's view model. The shell calls {@link #onShown()} each time the
 * feature's view is put on screen (the first time and every return to it); the view's Reload
 * action calls {@link #reload()}. Views never start loads themselves: they build controls and bind.
 * Both methods return at once; the work runs as background tasks owned by the feature, which the
 * shell cancels when the user leaves the view.
 */
public interface FeatureModel {
    /**
     * The view is on screen: load what is not loaded yet, and what went stale while it was away
     * (including a load that leaving the view cancelled). Does nothing when the data is current.
     */
    void onShown();

    /** Discard what this view has loaded and load it again from the PCE. */
    void reload();
}
