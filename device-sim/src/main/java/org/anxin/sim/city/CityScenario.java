package org.anxin.sim.city;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code device-sim city}: a small living city of seniors with buttons, and responders. */
public final class CityScenario {
    private static final Logger log = LoggerFactory.getLogger("device-sim");

    /** The scenario's settings (see {@code device-sim help}). */
    public record Settings(
            String api,
            String user,
            String password,
            String mqtt,
            String watch,
            String gt06,
            Mix mix,
            double takenOffAtNight,
            int seniors,
            int responders,
            City city,
            double sosPerHour,
            double fallPerHour,
            Duration duration,
            Path stateDir,
            long seed) {}

    /** Shares of MQTT buttons, "3G" watches and GT06 locators among the seniors' devices, in percent. */
    public record Mix(int mqtt, int watch, int gt06) {
        public Mix {
            if (mqtt < 0 || watch < 0 || gt06 < 0 || mqtt + watch + gt06 != 100) {
                throw new IllegalArgumentException("the mix is three shares adding up to 100, e.g. 60,25,15");
            }
        }

        public static Mix parse(String text) {
            String[] parts = text.split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--mix takes mqtt,watch,gt06 percentages, e.g. 60,25,15");
            }
            try {
                return new Mix(
                        Integer.parseInt(parts[0].strip()),
                        Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--mix takes whole percentages, not " + text, e);
            }
        }

        /** The protocol of the i-th senior's device: the shares spread evenly over the city. */
        String protocolOf(int i) {
            int bucket = Math.floorMod(i * 37, 100);
            return bucket < mqtt ? "mqtt" : bucket < mqtt + watch ? "watch" : "gt06";
        }
    }

    private final Settings settings;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Counters counters = new Counters();
    private final List<String> deviceIds = new java.util.concurrent.CopyOnWriteArrayList<>();

    public CityScenario(Settings settings) {
        this.settings = settings;
    }

    /** Asks the scenario to end and waits (briefly) until every device has disconnected. */
    public void stop() {
        stop.countDown();
        try {
            finished.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the devices did so far, every press included. */
    public Counters counters() {
        return counters;
    }

    /** The ids of the seniors' devices this run drives (not the demo device). */
    public List<String> deviceIds() {
        return List.copyOf(deviceIds);
    }

    public void run() throws Exception {
        try {
            simulate();
        } finally {
            finished.countDown();
        }
    }

    private void simulate() throws Exception {
        PlatformClient platform = new PlatformClient(settings.api(), settings.user(), settings.password());
        Path stateFile = settings.stateDir().resolve("city.json");
        CityState state = CityState.load(stateFile);
        Registrar registrar = new Registrar(platform, state);
        City city = settings.city();
        List<City.Resident> residents = city.residents(settings.seniors(), settings.seed(), "138");
        List<CityDevice> devices = new ArrayList<>();
        log.info("registering {} seniors and devices in {} through {}", residents.size(), city.name(), settings.api());
        String cityKey = city.name().toLowerCase(Locale.ROOT);
        int cityNumber = Math.floorMod(cityKey.hashCode(), 90) + 10; // keeps ids apart between cities
        for (int i = 0; i < residents.size(); i++) {
            City.Resident resident = residents.get(i);
            long seniorId = registrar.senior(
                    city.name() + "-senior-" + i, resident, city.community(resident.lat(), resident.lon()));
            Wearer wearer = new Wearer(resident.lat(), resident.lon(), settings.seed() * 1_000 + i);
            CityDevice device =
                    switch (settings.mix().protocolOf(i)) {
                        case "watch" -> {
                            String id = String.format(Locale.ROOT, "88%02d%06d", cityNumber, i + 1);
                            registrar.device(id, "watch", seniorId);
                            yield new WatchDevice(id, settings.watch(), wearer, settings.takenOffAtNight());
                        }
                        case "gt06" -> {
                            String imei = String.format(Locale.ROOT, "86%02d00%09d", cityNumber, i + 1);
                            registrar.device(imei, "gt06", seniorId);
                            yield new Gt06Tracker(imei, settings.gt06(), wearer);
                        }
                        default -> {
                            String id = String.format(Locale.ROOT, "btn-%04d", i + 1);
                            yield new MqttButton(id, registrar.mqttDevice(id, seniorId), settings.mqtt(), wearer);
                        }
                    };
            devices.add(device);
            deviceIds.add(device.id());
        }
        long station = registrar.provider(city.name() + " 社区养老服务站");
        List<City.Resident> staff = city.residents(settings.responders(), settings.seed() + 7, "139");
        Map<Long, City.Resident> walkers = new LinkedHashMap<>();
        for (int i = 0; i < staff.size(); i++) {
            long id = registrar.responder(
                    String.format(Locale.ROOT, "responder-%02d", i + 1), null, staff.get(i), station, i);
            walkers.put(id, staff.get(i));
        }
        City.Resident demoHome = city.residents(1, settings.seed() + 99, "137").get(0);
        String demoCommunity = city.community(demoHome.lat(), demoHome.lon());
        long demoSenior = registrar.senior(city.name() + "-demo-senior", demoHome, demoCommunity);
        String demoSecret = registrar.mqttDevice("demo-btn-01", demoSenior);
        // the demo senior's phone: the one-key SOS page, a device of protocol app
        String demoAppSecret = registrar.appDevice("demo-app-01", demoSenior);
        // the demo responder waits 300 m from the demo senior, so pressing the demo button reaches them
        String demoPassword = Registrar.randomPassword();
        City.Resident demoResponder = new City.Resident(
                "演示响应员", "13900000000", demoHome.address(), demoHome.lat() + 300 / 111_195.0, demoHome.lon());
        // skill set 2 (first aid, nursing, bathing): the demo responder answers the button and can take a bathing visit
        registrar.responder("demo-responder", demoPassword, demoResponder, station, 2);
        String familyPassword = Registrar.randomPassword();
        registrar.login("demo-family", familyPassword, "FAMILY", "演示家属", "13700000000", List.of(demoSenior));
        // the demo senior is on 低保 with 200 yuan a month, so a family's booking shows a subsidy share
        Map<String, String> officers = registrar.demoSubsidy(demoSenior, demoCommunity, "DI_BAO", 200);
        Map<String, String> bureauSide = registrar.demoBureauSide(demoCommunity);
        state.save(stateFile);
        announceDemoDevice(demoSecret);
        // the secret rides in the link's fragment, which browsers never send to the platform
        log.info(
                "demo SOS page (the demo senior's phone, press it yourself): {}/sos.html#d=demo-app-01&k={}",
                settings.api(),
                demoAppSecret);
        log.info("demo responder: log in at {}/responder.html as demo-responder / {}", settings.api(), demoPassword);
        log.info(
                "demo subsidy officers (the demo senior holds 低保, 200 yuan a month): log in at {}/subsidy.html as"
                        + " demo-community / {} ({}) or demo-bureau / {}",
                settings.api(),
                officers.get("demo-community"),
                demoCommunity,
                officers.get("demo-bureau"));
        log.info(
                "demo assessor: log in at {}/assessment.html as demo-assessor / {} (assess senior {}; a 中度失能"
                        + " result lets a 失能 application pass); demo street officer (演示街道 above {}): demo-street / {}",
                settings.api(),
                bureauSide.get("demo-assessor"),
                demoSenior,
                demoCommunity,
                bureauSide.get("demo-street"));
        log.info(
                "demo family: log in at {}/family.html as demo-family / {} (the demo senior's family)",
                settings.api(),
                familyPassword);

        AtomicInteger connected = new AtomicInteger();
        for (CityDevice device : devices) {
            device.connect(
                    connected::incrementAndGet,
                    cause -> log.warn(
                            "{} device {} could not connect: {}", device.protocol(), device.id(), cause.toString()));
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        double sosPerSecond = settings.sosPerHour() / 3600 / Math.max(1, devices.size());
        double fallPerSecond = settings.fallPerHour() / 3600 / Math.max(1, devices.size());
        clock.scheduleAtFixedRate(
                () -> devices.forEach(d -> d.tick(sosPerSecond, fallPerSecond, counters)), 1, 1, TimeUnit.SECONDS);
        clock.scheduleAtFixedRate(() -> progress(devices, counters, platform), 10, 10, TimeUnit.SECONDS);
        java.util.Random stroll = new java.util.Random(settings.seed());
        clock.scheduleAtFixedRate(
                () -> walkers.forEach((id, home) -> {
                    try { // responders move about their neighbourhood, within ~300 m of home
                        registrar.position(
                                id,
                                home.lat() + (stroll.nextDouble() - 0.5) * 0.005,
                                home.lon() + (stroll.nextDouble() - 0.5) * 0.006);
                    } catch (Exception e) {
                        log.debug("responder {} position not sent: {}", id, e.toString());
                    }
                }),
                30,
                30,
                TimeUnit.SECONDS);
        try {
            if (settings.duration().isZero()) {
                stop.await();
            } else {
                stop.await(settings.duration().toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            clock.shutdownNow();
            devices.forEach(CityDevice::close);
            log.info("city stopped: {} events sent, {} acked", counters.sent.get(), counters.acked.get());
        }
    }

    private void progress(List<CityDevice> devices, Counters counters, PlatformClient platform) {
        long online = devices.stream().filter(CityDevice::connected).count();
        String open;
        try {
            PlatformClient.Reply alarms = platform.get("/api/alarms?status=OPEN");
            open = alarms.status() == 200 ? Integer.toString(alarms.body().size()) : "?";
        } catch (Exception e) {
            open = "?";
        }
        log.info(
                "devices connected {}/{} · events sent {} acked {} errors {} · SOS {} falls {} · open alarms {}",
                online,
                devices.size(),
                counters.sent.get(),
                counters.acked.get(),
                counters.errors.get(),
                counters.sos.get(),
                counters.falls.get(),
                open);
    }

    private void announceDemoDevice(String secret) {
        String[] hostPort = settings.mqtt().replaceFirst("^tcp://", "").split(":");
        log.info(
                "demo device (not driven by the simulator, press it yourself): id demo-btn-01, secret {}\n"
                        + "  mosquitto_pub -h {} -p {} -i demo-btn-01 -u demo-btn-01 -P {} -q 1"
                        + " -t anxin/v1/devices/demo-btn-01/events -m '{\"type\":\"SOS\"}'",
                secret,
                hostPort[0],
                hostPort.length > 1 ? hostPort[1] : "1883",
                secret);
    }
}
