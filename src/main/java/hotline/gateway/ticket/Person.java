package hotline.gateway.ticket;

import hotline.gateway.privacy.PersonalData;

/** The caller or the person a report is about. Personal data: {@link #toString()} is masked. */
public record Person(String name, String phone, String idNumber) {

    @Override
    public String toString() {
        return "Person[name=" + PersonalData.maskName(name) + ", phone=" + PersonalData.maskPhone(phone) + ", idNumber="
                + PersonalData.maskIdNumber(idNumber) + "]";
    }
}
