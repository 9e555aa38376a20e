package org.anxin.sim.city;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A real Chinese city centre and the seniors living around it, made deterministically from a
 * seed: the same seed gives the same people at the same addresses.
 */
public record City(
        String name, double centerLat, double centerLon, double radiusKm, List<String> districts, List<String> roads) {

    private static final Map<String, City> KNOWN = Map.of(
            "hangzhou",
            new City(
                    "hangzhou",
                    30.2741,
                    120.1551,
                    4.0,
                    List.of("西湖区", "上城区", "拱墅区"),
                    List.of("文三路", "教工路", "体育场路", "庆春路", "延安路", "凤起路", "天目山路", "莫干山路")),
            "shenyang",
            new City(
                    "shenyang",
                    41.8057,
                    123.4315,
                    4.0,
                    List.of("和平区", "沈河区", "皇姑区"),
                    List.of("中山路", "北京街", "青年大街", "市府大路", "黄河大街", "南京街")),
            "chengdu",
            new City(
                    "chengdu",
                    30.6586,
                    104.0647,
                    4.0,
                    List.of("锦江区", "青羊区", "武侯区"),
                    List.of("人民南路", "春熙路", "蜀都大道", "玉林路", "青华路", "红星路")));

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final List<String> GIVEN = List.of(
            "秀英", "桂英", "秀兰", "玉兰", "桂兰", "凤英", "建国", "建华", "志明", "德明", "淑珍", "淑华", "玉珍", "国强", "秀珍", "美华", "志强", "丽华");

    public static City named(String name) {
        City city = KNOWN.get(name.toLowerCase(Locale.ROOT));
        if (city == null) {
            throw new IllegalArgumentException("unknown city " + name + "; choose one of " + KNOWN.keySet());
        }
        return city;
    }

    /** A person in the simulation, with a home in WGS-84. */
    public record Resident(String name, String phone, String address, double lat, double lon) {}

    public List<Resident> residents(int count, long seed, String phonePrefix) {
        Random random = new Random(seed);
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.get(random.nextInt(GIVEN.size()));
            String address = districts.get(random.nextInt(districts.size())) + roads.get(random.nextInt(roads.size()))
                    + " "
                    + (10 + random.nextInt(390)) + " 号 " + (1 + random.nextInt(6)) + " 单元 " + (1 + random.nextInt(7))
                    + "0" + (1 + random.nextInt(4));
            double[] home = pointNear(random, radiusKm);
            residents.add(new Resident(
                    name,
                    String.format(Locale.ROOT, "%s%08d", phonePrefix, 10_000_000 + i),
                    address,
                    home[0],
                    home[1]));
        }
        return residents;
    }

    /**
     * The community (社区) of a home: the city is cut into four quarters around its centre, each a
     * community named after one of its roads, so seniors of one community live near each other.
     */
    public String community(double lat, double lon) {
        int quarter = (lat >= centerLat ? 0 : 2) + (lon >= centerLon ? 0 : 1);
        return roads.get(quarter % roads.size()) + "社区";
    }

    /** A uniformly random point inside the circle of {@code radiusKm} around the centre. */
    double[] pointNear(Random random, double radius) {
        double distance = radius * Math.sqrt(random.nextDouble());
        double bearing = random.nextDouble() * 2 * Math.PI;
        double dLat = distance * Math.cos(bearing) / 111.32;
        double dLon = distance * Math.sin(bearing) / (111.32 * Math.cos(Math.toRadians(centerLat)));
        return new double[] {centerLat + dLat, centerLon + dLon};
    }

    /** Great-circle distance in km, for checks. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
