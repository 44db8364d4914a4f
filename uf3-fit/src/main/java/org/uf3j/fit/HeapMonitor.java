package org.uf3j.fit;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures heap use during a stage: the largest heap occupancy seen right after a garbage
 * collection (the live data, what the stage really needs) and the sum of the heap pools' peak
 * usages (an upper bound that includes garbage not yet collected). Use with try-with-resources.
 */
public final class HeapMonitor implements AutoCloseable {
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;

    private HeapMonitor() {
    }

    /** Starts monitoring: resets the pools' peaks and listens to collections. */
    public static HeapMonitor start() {
        HeapMonitor m = new HeapMonitor();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(m.listener, null, null);
                m.emitters.add(e);
            }
        }
        m.peakAfterGc.set(used());
        return m;
    }

    private void onGc(Notification n, Object handback) {
        if (!"com.sun.management.gc.notification".equals(n.getType()) || !(n.getUserData() instanceof CompositeData cd)) {
            return;
        }
        Object info = cd.get("gcInfo");
        if (!(info instanceof CompositeData gcInfo)) {
            return;
        }
        Object after = gcInfo.get("memoryUsageAfterGc");
        if (!(after instanceof javax.management.openmbean.TabularData table)) {
            return;
        }
        long sum = 0;
        for (Object row : table.values()) {
            CompositeData entry = (CompositeData) row;
            String pool = (String) entry.get("key");
            MemoryUsage u = MemoryUsage.from((CompositeData) entry.get("value"));
            if (isHeapPool(pool)) {
                sum += u.getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(sum, Math::max);
    }

    private static boolean isHeapPool(String name) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(name)) {
                return pool.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Largest heap occupancy right after a collection since {@link #start()} (bytes). */
    public long peakLive() {
        return peakAfterGc.get();
    }

    /** Sum over heap pools of their peak usage since {@link #start()} (bytes, includes garbage). */
    public long peakPools() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already removed
            }
        }
        emitters.clear();
    }

    /** For reports: "live 412 MB (pools 1630 MB)". */
    public String describe() {
        return String.format("peak live heap %.0f MB (after GC; pools' peaks incl. garbage %.0f MB)", peakLive() / 1e6,
                peakPools() / 1e6);
    }

}
