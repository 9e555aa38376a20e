package org.anxin.gateway.command;

import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.anxin.gateway.forward.DeviceDirectory;
import org.anxin.gateway.server.ClientAddress;
import org.anxin.gateway.server.ConnectionLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@code FORGET} entry: drops the cached look-ups it names, then (on a worker: Redis)
 * checks the named devices' live connections on this node against their group's networks as they
 * are now, and closes the ones the new list no longer allows. The platform names every member of
 * a group whose networks changed, so a tightened list also ends connections made under the old one.
 */
public final class DirectoryChanges implements Consumer<DirectoryChange> {
    private static final Logger log = LoggerFactory.getLogger(DirectoryChanges.class);

    private final DeviceDirectory directory;
    private final Downlinks downlinks;
    private final ExecutorService workers;
    private final String node;

    public DirectoryChanges(DeviceDirectory directory, Downlinks downlinks, ExecutorService workers, String node) {
        this.directory = directory;
        this.downlinks = downlinks;
        this.workers = workers;
        this.node = node;
    }

    @Override
    public void accept(DirectoryChange change) {
        change.deviceIds().forEach(directory::forget);
        if (change.group() != null) {
            directory.forgetGroup(change.group());
        }
        log.info(
                "device directory change on {}: {} device look-up(s){} forgotten",
                node,
                change.deviceIds().size(),
                change.group() == null ? "" : " and group " + change.group());
        try {
            workers.execute(() -> recheck(change.deviceIds()));
        } catch (RejectedExecutionException e) {
            log.debug("live connections not re-checked: gateway stopping");
        }
    }

    private void recheck(List<String> deviceIds) {
        for (String deviceId : deviceIds) {
            for (Channel channel : downlinks.openConnections(deviceId)) {
                String refusal;
                try {
                    refusal = directory
                            .find(deviceId)
                            .map(r -> directory.networkRefusal(r, ClientAddress.of(channel)))
                            .orElse(null); // gone from the registry: revocation's business, not this
                } catch (RuntimeException e) {
                    log.warn("re-checking device {} failed ({}); its connection stays", deviceId, e.toString());
                    continue;
                }
                if (refusal != null) {
                    log.warn("closing {}: {} (its device group changed)", ConnectionLabel.of(channel), refusal);
                    channel.close();
                }
            }
        }
    }
}
